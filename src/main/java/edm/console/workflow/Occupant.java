package edm.console.workflow;

import edm.console.i18n.Format;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who has this host's workflow slot, read from the lock and the journal next to it, and the one refusal
 * every workflow gives when it cannot start (deploy, rollback, restart, recover; CLI and TUI keys alike).
 * Three cases, three different answers: a holder whose process lives ({@link State#RUNNING}) is waited for,
 * with the step it is at from its own journal; a workflow whose process is gone with a journal left
 * ({@link State#CUT}) is recovered, with the step it stopped at; a lock a dead process left without a
 * journal ({@link State#STALE_LOCK}) changed nothing and is only broken.
 */
public record Occupant(Optional<WorkflowLock.Holder> holder, Optional<Journal.Contents> journal) {
    public enum State { RUNNING, CUT, STALE_LOCK }

    /** What occupies the state dir now; empty when a workflow may start. */
    public static Optional<Occupant> find(Path stateDir) {
        Optional<WorkflowLock.Holder> h = WorkflowLock.read(stateDir.resolve(WorkflowLock.FILE));
        Optional<Journal.Contents> j = Journal.unfinished(stateDir);
        return h.isEmpty() && j.isEmpty() ? Optional.empty() : Optional.of(new Occupant(h, j));
    }

    /** The lock is taken by {@code h}: with the journal (if any) to tell its step. */
    static Occupant of(Path stateDir, WorkflowLock.Holder h) {
        Optional<Journal.Contents> j;
        try {
            j = Journal.unfinished(stateDir);
        } catch (WorkflowException unreadable) {
            j = Optional.empty();
        }
        return new Occupant(Optional.of(h), j);
    }

    /** An unfinished journal found while we hold the lock ourselves: it was cut, whoever wrote it. */
    static Occupant cut(Journal.Contents j) {
        return new Occupant(Optional.empty(), Optional.of(j));
    }

    public State state() {
        if (holder.isPresent() && !holder.get().stale()) {
            return State.RUNNING;
        }
        return journal.isPresent() ? State.CUT : State.STALE_LOCK;
    }

    /**
     * The step: for a running holder the journal's last line when the holder wrote it (else it has not
     * journaled yet: a leftover journal is someone else's); for a cut workflow where it stopped.
     */
    public Optional<Journal.Entry> step() {
        if (journal.isEmpty()) {
            return Optional.empty();
        }
        Journal.Entry last = journal.get().last();
        if (state() == State.RUNNING) {
            return last.writtenBy(holder.get()) ? Optional.of(last) : Optional.empty();
        }
        return Optional.of(last);
    }

    /** The one refusal text: who, where, since when, the step, and what to do (wait, recover, or break the lock). */
    public String refusal() {
        Format f = Format.current();
        Instant now = Instant.now();
        return switch (state()) {
            case RUNNING -> {
                WorkflowLock.Holder h = holder.get();
                String pid = Operator.hostName().equals(h.host()) ? WorkflowText.t("workflow.busy.pidAlive", Long.toString(h.pid()))
                        : WorkflowText.t("workflow.busy.pidElsewhere", Long.toString(h.pid()));
                yield WorkflowText.t("workflow.busy.running", h.what(), h.user(), h.host(), pid, f.dateTime(h.since()),
                        f.ago(h.since(), now), runningStep(h, f));
            }
            case CUT -> {
                Journal.Entry last = journal.get().last();
                Journal.Entry first = journal.get().first();
                String what = holder.map(WorkflowLock.Holder::what).orElse(describe(journal.get()));
                String user = holder.map(WorkflowLock.Holder::user).orElse(orUnknown(first.user()));
                String host = holder.map(WorkflowLock.Holder::host).orElse(orUnknown(first.host()));
                long pid = holder.map(WorkflowLock.Holder::pid).orElse(first.pid() == null ? -1 : first.pid());
                Instant since = holder.map(WorkflowLock.Holder::since).orElse(first.time());
                yield WorkflowText.t("workflow.busy.cut", what, user, host, Long.toString(pid), f.dateTime(since), stepName(last.step()),
                        WorkflowText.t("begin".equals(last.phase()) ? "workflow.busy.phase.begin" : "workflow.busy.phase.end"),
                        f.dateTime(last.time()));
            }
            case STALE_LOCK -> {
                WorkflowLock.Holder h = holder.get();
                yield WorkflowText.t("workflow.busy.staleLock", h.what(), h.user(), h.host(), Long.toString(h.pid()), f.dateTime(h.since()));
            }
        };
    }

    private String runningStep(WorkflowLock.Holder h, Format f) {
        Optional<Journal.Entry> s = step();
        if (s.isPresent()) {
            return "begin".equals(s.get().phase()) ? WorkflowText.t("workflow.busy.at", stepName(s.get().step()), f.clock(s.get().time()))
                    : WorkflowText.t("workflow.busy.after", stepName(s.get().step()));
        }
        // Deploys and rollbacks journal every step once they run; before that they are in pre-flight or confirmation.
        return h.what().startsWith("deploy ") || h.what().startsWith("rollback ") ? WorkflowText.t("workflow.busy.preparing") : "";
    }

    static String stepName(String step) {
        return WorkflowText.t("workflow.step." + step);
    }

    /** "deploy backend v1.2" from the journal's plan. */
    private static String describe(Journal.Contents j) {
        Map<String, String> d = j.data();
        return d.containsKey("kind") ? d.get("kind") + " " + d.getOrDefault("service", "?") + " " + d.getOrDefault("tag", "?") : j.workflow();
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "?" : s;
    }
}
