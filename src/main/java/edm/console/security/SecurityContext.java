package edm.console.security;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a rule reads from: the host's files under {@code root}, the project (env file, state dir),
 * host programs and the engine's containers. Built by {@link #from} for the host, directly in tests.
 *
 * @param edmContainers  the stack's container names (config services)
 * @param nginxContainer the container allowed to publish the entry ports on every address
 * @param network        the stack's network (SPEC-006: edm_edm-network)
 */
public record SecurityContext(Path root, SecuritySettings settings, Path projectDir, Path envFile, Path stateDir, Clock clock,
                              HostCommands commands, Supplier<ContainerFacts.Listing> containers, List<String> edmContainers,
                              String nginxContainer, String network) {
    public SecurityContext {
        edmContainers = List.copyOf(edmContainers);
    }

    /** A host path (absolute, as on a server: /etc/ssh/sshd_config) under the root. */
    public Path host(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** True when rules may run host programs: they describe this machine, so only with the root "/". */
    public boolean onHost() {
        return root.getParent() == null;
    }
}
