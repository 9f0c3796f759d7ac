package edm.console.app;

import edm.console.config.LoadedConfig;
import edm.console.engines.EngineConnection;
import edm.console.engines.EngineSet;
import edm.console.engines.EngineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engines of this console, the main one first, each connected at its first use (the hosts poller's first
 * round, or a switch to it) and kept until the console ends. Opening one engine never waits for another's.
 */
final class Engines implements AutoCloseable {
    /** Opens one engine: blocks (an ssh tunnel is set up), throws with a one-line reason. */
    interface Opener {
        EngineLink open();
    }

    /** An engine by its configured name and address, not connected yet. */
    record Entry(String name, String shown, Opener opener) {
    }

    private final List<Slot> slots = new ArrayList<>();

    Engines(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no engine");
        }
        entries.forEach(e -> slots.add(new Slot(e)));
    }

    /**
     * The engines of the config ({@link EngineSet}): the main one with the console's own config (and the docker
     * context its address came from), the others with theirs, each opened by the engine set (ssh:// tunnels).
     */
    static Engines of(LoadedConfig main, String mainDockerContext) {
        EngineSet set = EngineSet.of(main.config());
        List<Entry> entries = new ArrayList<>();
        for (EngineSpec spec : set.specs()) {
            entries.add(new Entry(spec.name(), spec.endpoint(), () -> {
                EngineConnection c = set.open(spec);
                LoadedConfig loaded = spec.main() ? main : new LoadedConfig(c.config(),
                        Optional.ofNullable(spec.configFile()).or(main::source), List.of(), List.of());
                return new EngineLink(spec.name(), c.endpoint(), spec.endpoint(), spec.main() ? mainDockerContext : "", loaded,
                        c.tls(), spec.transport() == EngineSpec.Transport.UNIX, c);
            }));
        }
        return new Engines(entries);
    }

    List<Entry> entries() {
        return slots.stream().map(s -> s.entry).toList();
    }

    /** More than one engine: alerts and the status bar then name the engine. */
    boolean several() {
        return slots.size() > 1;
    }

    String mainName() {
        return slots.get(0).entry.name();
    }

    /** The engine's connection, opened now if it is not yet (blocking; throws with a one-line reason). */
    EngineLink link(String name) {
        return slot(name).orElseThrow(() -> new IllegalArgumentException("no engine named " + name)).link();
    }

    private Optional<Slot> slot(String name) {
        return slots.stream().filter(s -> s.entry.name().equals(name)).findFirst();
    }

    @Override
    public void close() {
        slots.forEach(Slot::close);
    }

    private static final class Slot {
        private final Entry entry;
        private EngineLink link;
        private boolean closed;

        Slot(Entry entry) {
            this.entry = entry;
        }

        synchronized EngineLink link() {
            if (closed) {
                throw new IllegalStateException("the console is ending");
            }
            if (link == null) {
                link = entry.opener().open(); // a failure is retried at the next use
            }
            return link;
        }

        synchronized void close() {
            closed = true;
            if (link != null) {
                try {
                    link.connection().close();
                } catch (Exception e) {
                    Launch.logFailure(e);
                }
            }
        }
    }
}
