package edm.console.checklist;

import edm.console.core.Clock;
import edm.console.core.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One walk through a checklist: the results so far, item by item, and who is walking it. The UI and
 * the line-mode prompt drive it the same way: {@link #current()}, then {@link #runAutomatic()} or
 * {@link #confirm(String)} / {@link #skip(String)}, until {@link #finished()}.
 */
public final class ChecklistRun {
    private final Checklist checklist;
    private final AutomaticChecks checks;
    private final Clock clock;
    private final Operator operator;
    private final Instant started;
    private final List<ItemResult> results = new ArrayList<>();
    private int position;

    public ChecklistRun(Checklist checklist, AutomaticChecks checks, Operator operator, Clock clock) {
        this.checklist = checklist;
        this.checks = checks;
        this.clock = clock;
        this.operator = operator;
        this.started = clock.now();
        checklist.items().forEach(i -> results.add(ItemResult.pending(i)));
    }

    public Checklist checklist() {
        return checklist;
    }

    public Operator operator() {
        return operator;
    }

    public Instant started() {
        return started;
    }

    public List<ItemResult> results() {
        return List.copyOf(results);
    }

    public int position() {
        return position;
    }

    public boolean finished() {
        return position >= results.size();
    }

    /** The item waiting for its result; only valid while not {@link #finished()}. */
    public Checklist.Item current() {
        return checklist.items().get(position);
    }

    /** Runs the current (automatic) item, records its evidence and moves on; a result the pre-flight already has is kept. */
    public ItemResult runAutomatic() {
        ItemResult earlier = results.get(position);
        return record(earlier.outcome() == Outcome.PENDING ? checks.run(current()) : earlier);
    }

    /**
     * The current automatic item's result, without recording it: safe to call on a worker thread (it reads
     * nothing the walk changes), with {@link #recordAutomatic} applying the result on the UI thread.
     */
    public ItemResult evaluateCurrent() {
        ItemResult earlier = results.get(position);
        return earlier.outcome() == Outcome.PENDING ? checks.run(earlier.item()) : earlier;
    }

    /** Records a result from {@link #evaluateCurrent()} if it is still for the current item; returns whether it was. */
    public boolean recordAutomatic(ItemResult r) {
        if (finished() || !r.item().equals(current())) {
            return false;
        }
        record(r);
        return true;
    }

    /** Runs the current automatic item again (after fixing what it found), replacing its result, without moving on. */
    public ItemResult recheck() {
        checks.refresh();
        ItemResult r = checks.run(current());
        results.set(position, r);
        return r;
    }

    /**
     * Checks again the automatic items bound to {@code kind} that already have a result (e.g. the backup
     * item once the backup the walk started has finished). Reads only: safe on a worker thread, with
     * {@link #replace} applying the results on the UI thread.
     */
    public List<ItemResult> evaluateAgain(CheckKind kind) {
        List<ItemResult> earlier = results();
        List<ItemResult> out = new ArrayList<>();
        for (ItemResult r : earlier) {
            if (r.item().automatic() && r.item().check() == kind && r.outcome() != Outcome.PENDING) {
                out.add(checks.run(r.item()));
            }
        }
        return out;
    }

    /** Replaces an item's earlier result with a fresh one from {@link #evaluateAgain}; false when it has none yet. */
    public boolean replace(ItemResult fresh) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).item().equals(fresh.item()) && results.get(i).outcome() != Outcome.PENDING) {
                results.set(i, fresh);
                return true;
            }
        }
        return false;
    }

    /** Confirms the current item (a manual one, or an automatic one the operator accepts anyway) with an optional note. */
    public ItemResult confirm(String note) {
        return record(new ItemResult(current(), Outcome.CONFIRMED, "", List.of(), Secrets.maskUrlPasswords(blankToEmpty(note)), clock.now()));
    }

    /** Skips the current item; the reason is required by the callers and kept in the report. */
    public ItemResult skip(String reason) {
        return record(new ItemResult(current(), Outcome.SKIPPED, "", List.of(), Secrets.maskUrlPasswords(blankToEmpty(reason)), clock.now()));
    }

    /** Runs every automatic item, stopping at the first manual one; returns the results recorded. */
    public List<ItemResult> runAutomaticUntilManual() {
        List<ItemResult> done = new ArrayList<>();
        while (!finished() && current().automatic()) {
            done.add(runAutomatic());
        }
        return done;
    }

    /** Runs every automatic item wherever it is, leaving manual items pending (for a deploy pre-flight). */
    public void runAllAutomatic() {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).item().automatic() && results.get(i).outcome() == Outcome.PENDING) {
                results.set(i, checks.run(results.get(i).item()));
            }
        }
    }

    /** Required items that do not (yet) let a gated action go ahead: failed, unknown, skipped or pending. */
    public List<ItemResult> requiredFailures() {
        return results.stream().filter(r -> r.item().required() && !r.outcome().satisfies()).toList();
    }

    /** For a flow: the notes grouped by part of the record (seen, done, resolution, followUp), in step order. */
    public Map<String, List<String>> incidentRecord() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Checklist.RECORD_PARTS.forEach(p -> out.put(p, new ArrayList<>()));
        for (ItemResult r : results) {
            if (!r.item().record().isEmpty() && !r.note().isBlank()) {
                out.get(r.item().record()).add(r.note());
            }
        }
        return out;
    }

    private ItemResult record(ItemResult r) {
        results.set(position, r);
        position++;
        return r;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
