package edm.console.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An nginx in memory: the upstream files, the configuration it serves (what it had at its last reload) and
 * the container that resolves to; probes answer by the fake engine's health. Calls go to the engine's call list.
 */
final class FakeProxy implements ProxySwitch {
    private final FakeEngine engine;
    private final String canonical;
    final java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    /** The container id nginx sends traffic to (resolved at its last reload, like nginx). */
    String servingId;
    int reloads;
    /** nginx -t fails while the upstream file matches this. */
    Predicate<String> rejects = c -> false;
    private long generation = 1;
    /** False: a reload leaves nginx on its old configuration (as when it cannot load the new one). */
    boolean reloadTakes = true;
    /**
     * After a reload the workers of the configuration before it keep serving it for this many looks at the
     * workers (nginx's old workers finish their requests, and take new ones until the new workers start).
     */
    int linger;
    private int lingerLeft;
    private String lingeringId;

    FakeProxy(FakeEngine engine, String service, String canonical, String content) {
        this.engine = engine;
        this.canonical = canonical;
        files.put(service, content);
        servingId = resolve(content);
    }

    @Override
    public Path file(String service) {
        return Path.of("/opt/edm/nginx/upstreams", service + ".conf");
    }

    @Override
    public Optional<String> read(String service) {
        return Optional.ofNullable(files.get(service));
    }

    @Override
    public void write(String service, String content) {
        engine.calls.add("write upstream " + Upstreams.host(content).orElse("?"));
        files.put(service, content);
    }

    @Override
    public List<String> test() {
        engine.calls.add("nginx -t");
        List<String> out = new ArrayList<>();
        for (String c : files.values()) {
            if (rejects.test(c)) {
                out.add("nginx: [emerg] host not found in upstream");
            }
        }
        return out;
    }

    @Override
    public void reload() {
        engine.calls.add("nginx -s reload");
        reloads++;
        if (!reloadTakes) {
            return;
        }
        generation++;
        lingeringId = linger > 0 ? servingId : null;
        lingerLeft = linger;
        servingId = resolve(files.values().iterator().next());
    }

    @Override
    public Set<Long> workers() {
        if (lingerLeft > 0) {
            lingerLeft--;
            return Set.of((generation - 1) * 10, generation * 10, generation * 10 + 1);
        }
        lingeringId = null;
        return Set.of(generation * 10, generation * 10 + 1);
    }

    @Override
    public Optional<String> probe(String url) {
        engine.calls.add("probe " + url);
        return Optional.empty();
    }

    /** A short id names that container; anything else (the shared alias, the name) the one with the canonical name. */
    private String resolve(String content) {
        String host = Upstreams.host(content).orElseThrow();
        return engine.containers.values().stream().filter(c -> Upstreams.address(c.id).equals(host)).findFirst()
                .or(() -> engine.find(canonical)).map(c -> c.id).orElse(null);
    }

    /** Whether a request through nginx now would succeed: the containers its workers point at exist and run. */
    boolean serving() {
        return runs(servingId) && (lingeringId == null || runs(lingeringId));
    }

    private boolean runs(String id) {
        FakeEngine.C c = id == null ? null : engine.containers.get(id);
        return c != null && c.running;
    }
}
