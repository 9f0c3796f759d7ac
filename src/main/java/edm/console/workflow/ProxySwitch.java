package edm.console.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The traffic switch of a blue-green deploy: the proxy (nginx) in front of a service, reached through its
 * upstream include file and commands in the proxy's container. {@link NginxSwitch} is the real one; unit
 * tests use a fake. Every method is one short, bounded operation so that each step can be journaled.
 */
public interface ProxySwitch {
    /** The upstream include of {@code service} (project dir's nginx/upstreams/SERVICE.conf). */
    Path file(String service);

    /** Its content now; empty when the file does not exist. */
    Optional<String> read(String service);

    /** Replaces the file atomically (temp file beside it + rename): nginx never reads half a file. */
    void write(String service, String content);

    /** {@code nginx -t}: empty when the configuration (with the include as it is now) is valid, else nginx's output. */
    List<String> test();

    /** {@code nginx -s reload}; a failure is a {@link WorkflowException} with nginx's output. */
    void reload();

    /**
     * The process ids of nginx's worker processes now, serving or shutting down. Taken before a reload, they
     * are the workers of the old configuration: the drain is over when none of them is left (each exits once
     * its requests are done). Empty when they cannot be seen.
     */
    Set<Long> workers();

    /** An HTTP GET from inside the proxy's container, so through the stack network: empty when it answers 2xx/3xx, else why not. */
    Optional<String> probe(String url);
}
