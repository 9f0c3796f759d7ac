package edm.console.security;

import edm.console.core.ProbeStatus;
import java.time.Instant;
import java.util.List;

/** Every rule's findings from one run, in rule order; accepted risks are kept but do not count. */
public record SecurityReport(List<Finding> findings, Instant at) {
    public SecurityReport {
        findings = List.copyOf(findings);
    }

    public ProbeStatus worst() {
        ProbeStatus w = ProbeStatus.OK;
        for (Finding f : findings) {
            w = w.worse(f.counted());
        }
        return w;
    }

    /** The findings that are not OK and not accepted. */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.counted() != ProbeStatus.OK).toList();
    }

    /** Exit code of {@code security}, as {@code check}: 0 all well, 1 a warning or an unknown, 2 a critical finding. */
    public int exitCode() {
        return switch (worst()) {
            case OK -> 0;
            case WARNING, UNKNOWN -> 1;
            case CRITICAL -> 2;
        };
    }
}
