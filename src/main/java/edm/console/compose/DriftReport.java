package edm.console.compose;

import edm.console.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose drift the screen shows: the findings by container name, or why the file could not be read.
 * {@link #NONE} when there is no compose file.
 *
 * @param file  the compose file, null when there is none
 * @param error one line when the file cannot be read, else empty
 */
public record DriftReport(String file, String project, List<Drift.Finding> findings, String error) {
    public static final DriftReport NONE = new DriftReport(null, "", List.of(), "");

    public DriftReport {
        findings = List.copyOf(findings);
        error = error == null ? "" : error;
    }

    public boolean active() {
        return file != null;
    }

    /** The finding about this container (by name), or null. */
    public Drift.Finding about(String containerName) {
        return Drift.byContainer(findings).get(containerName);
    }

    public List<Drift.Finding> missing() {
        return findings.stream().filter(f -> f.kind() == Drift.Kind.MISSING).toList();
    }

    /** The finding as one translated line. */
    public String reason(Drift.Finding f, Messages m) {
        return switch (f.kind()) {
            case IMAGE -> m.get("compose.drift.image", f.container(), f.actual(), f.expected());
            case MISSING -> m.get("compose.drift.missing", f.service(), f.container(), f.expected());
            case STRAY -> m.get("compose.drift.stray", f.container(), project);
        };
    }

    /** The reasons by container name, for a caller that only shows text. */
    public Map<String, String> reasons(Messages m) {
        Map<String, String> out = new LinkedHashMap<>();
        Drift.byContainer(findings).forEach((k, f) -> out.put(k, reason(f, m)));
        return out;
    }
}
