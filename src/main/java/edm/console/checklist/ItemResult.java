package edm.console.checklist;

import java.time.Instant;
import java.util.List;

/**
 * The result of one item. For an automatic item {@code value} is the evidence in one line and
 * {@code details} the probe lines it was drawn from; for a manual one {@code note} is the operator's
 * note (for a skip: the reason). {@code failingContainers} names the containers behind a failure, for
 * the "open the logs" action. Never holds a secret (masked when recorded).
 */
public record ItemResult(Checklist.Item item, Outcome outcome, String value, List<String> details, String note, Instant at,
                         List<String> failingContainers) {
    public ItemResult {
        value = value == null ? "" : value;
        note = note == null ? "" : note;
        details = List.copyOf(details);
        failingContainers = List.copyOf(failingContainers);
    }

    public ItemResult(Checklist.Item item, Outcome outcome, String value, List<String> details, String note, Instant at) {
        this(item, outcome, value, details, note, at, List.of());
    }

    static ItemResult pending(Checklist.Item item) {
        return new ItemResult(item, Outcome.PENDING, "", List.of(), "", null);
    }
}
