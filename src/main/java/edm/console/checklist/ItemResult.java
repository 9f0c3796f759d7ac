package edm.console.checklist;

import java.time.Instant;
import java.util.List;

/**
 * The result of one item. For an automatic item {@code value} is the evidence in one line and
 * {@code details} the probe lines it was drawn from; for a manual one {@code note} is the operator's
 * note (for a skip: the reason). Never holds a secret (masked when recorded).
 */
public record ItemResult(Checklist.Item item, Outcome outcome, String value, List<String> details, String note, Instant at) {
    public ItemResult {
        value = value == null ? "" : value;
        note = note == null ? "" : note;
        details = List.copyOf(details);
    }

    static ItemResult pending(Checklist.Item item) {
        return new ItemResult(item, Outcome.PENDING, "", List.of(), "", null);
    }
}
