package edm.console.workflow;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of an upstream include file: which host its {@code server} lines name, and the same file
 * pointing at another container.
 *
 * <p>The console points an upstream at a container by its short id (12 hex digits), never by name. Docker's
 * embedded DNS resolves the short id on every user-defined network the container is attached to, and that
 * alias never moves: it survives the renames of a deploy (the new container takes the canonical name, the
 * old one becomes NAME-old-STAMP) and a restart, and no other container can ever get it. The service's
 * shared aliases (e.g. {@code backend}) would resolve to both containers while they run side by side, and
 * the canonical name changes hands at the end of a deploy: a later {@code nginx -s reload} (or an nginx
 * restart) would then resolve the file to whatever holds the name at that moment. With the id it keeps
 * pointing at the container the journal recorded.
 */
public final class Upstreams {
    /** {@code server HOST[:PORT]} at the start of a line; the rest of the line (weights, max_fails) is kept. */
    private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*server\\s+)([^\\s:;]+)((?::\\d+)?)");

    private Upstreams() {
    }

    /** The address by which the upstream names a container: its short id. */
    public static String address(String containerId) {
        String id = containerId.startsWith("sha256:") ? containerId.substring(7) : containerId;
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The host the first server line names, empty when the file has none. */
    public static Optional<String> host(String content) {
        Matcher m = SERVER.matcher(content);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The same file with every server line's host replaced by {@code host} (ports and parameters kept). */
    public static String pointAt(String content, String host) {
        Matcher m = SERVER.matcher(content);
        if (!m.find()) {
            throw new IllegalArgumentException("no server line");
        }
        return SERVER.matcher(content).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + host + r.group(3)));
    }

    /**
     * The service's health URL as reached on the stack network: the path (and query) of its public health
     * URL on the container's own port, e.g. https://tkmail.fun/api/health -> http://0123456789ab:8002/api/health.
     */
    public static String internalUrl(String healthUrl, String host, int port) {
        String path = "/";
        if (healthUrl != null && !healthUrl.isBlank()) {
            try {
                URI u = URI.create(healthUrl.trim());
                path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                if (u.getRawQuery() != null) {
                    path += "?" + u.getRawQuery();
                }
            } catch (IllegalArgumentException e) {
                path = "/";
            }
        }
        return "http://" + host + ":" + port + path;
    }
}
