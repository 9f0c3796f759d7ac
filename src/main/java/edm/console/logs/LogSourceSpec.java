package edm.console.logs;

/** A source the operator picked: a container (by name), a configured file glob, or a swarm service (by name: all its tasks). */
public record LogSourceSpec(Kind kind, String name) {
    public enum Kind { CONTAINER, FILES, SERVICE }

    public static LogSourceSpec service(String name) {
        return new LogSourceSpec(Kind.SERVICE, name);
    }

    public static LogSourceSpec container(String name) {
        return new LogSourceSpec(Kind.CONTAINER, name);
    }

    public static LogSourceSpec files(String glob) {
        return new LogSourceSpec(Kind.FILES, glob);
    }
}
