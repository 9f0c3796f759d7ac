package edm.console.logs;

/** A source the operator picked: a container (by name) or a configured file glob. */
public record LogSourceSpec(Kind kind, String name) {
    public enum Kind { CONTAINER, FILES }

    public static LogSourceSpec container(String name) {
        return new LogSourceSpec(Kind.CONTAINER, name);
    }

    public static LogSourceSpec files(String glob) {
        return new LogSourceSpec(Kind.FILES, glob);
    }
}
