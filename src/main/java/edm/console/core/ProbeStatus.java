package edm.console.core;

/** Outcome of one probe, ordered by how bad it is. UNKNOWN: the probe itself could not run. */
public enum ProbeStatus {
    OK, WARNING, CRITICAL, UNKNOWN;

    public ProbeStatus worse(ProbeStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    /** UNKNOWN ranks between WARNING and CRITICAL: not knowing is worse than a warning, not proof of an outage. */
    private static int rank(ProbeStatus s) {
        return switch (s) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }
}
