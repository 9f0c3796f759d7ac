package edm.console.app;

import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupOutcome;
import edm.console.backup.BackupProbes;
import edm.console.backup.BackupKeys;
import edm.console.backup.BackupRecord;
import edm.console.backup.BackupService;
import edm.console.backup.BackupStatus;
import edm.console.backup.Cancellation;
import edm.console.backup.Verification;
import edm.console.backup.VerificationText;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Background;
import edm.console.core.Lane;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.live.HealthMonitor;
import edm.console.live.Timeline;
import edm.console.ui.BackupControl;
import edm.console.ui.UiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Backups panel's data and actions in the running console: re-reads the catalogue every minute
 * (and after each action), turns overdue backups into probes for the alert rules, and runs one backup
 * or verify at a time in the background with progress and cancel.
 */
final class Backups implements BackupControl, AutoCloseable {
    static final Duration REFRESH = Duration.ofSeconds(60);

    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Clock clock;
    private final Consumer<UiEvent> post;
    private final HealthMonitor health;
    private final Timeline timeline;
    /** One lane: refreshes and the one running backup or verify take turns, as on a thread of their own. */
    private final Lane lane = Background.shared().lane("edm-backups");
    private final AtomicReference<Cancellation> running = new AtomicReference<>();
    private volatile edm.console.core.InFlightWork inFlight;

    Backups(ConsoleConfig config, ContainerGateway gateway, Clock clock, Consumer<UiEvent> post, HealthMonitor health,
            Timeline timeline) {
        this.config = config;
        this.gateway = gateway;
        this.clock = clock;
        this.post = post;
        this.health = health;
        this.timeline = timeline;
    }

    /** Backups and verifies count as started work: the console does not end under them (terminal gone, q). */
    void track(edm.console.core.InFlightWork w) {
        this.inFlight = w;
    }

    void start() {
        lane.everyOnTheBeat(this::refresh, 0, REFRESH.toMillis());
    }

    private BackupService service() {
        return new BackupService(BackupEnvironment.from(config, () -> gateway, clock));
    }

    private void refresh() {
        try {
            Map<BackupKind, BackupStatus> status = service().status();
            post.accept(new UiEvent.Backups(status, null));
            health.onBackups(probes(status, clock.now()));
        } catch (RuntimeException e) {
            post.accept(new UiEvent.Backups(null, Messages.t("backups.readFailed", e.getMessage())));
        }
    }

    /** The backup probes (see {@link BackupProbes}): the same findings as the panel and {@code check}. */
    static List<ProbeResult> probes(Map<BackupKind, BackupStatus> status, Instant now) {
        return BackupProbes.of(status, now);
    }

    /** A backup is one action: dump, write, verify; the result says which of them held. */
    @Override
    public boolean backup(BackupKind kind) {
        return runExclusive(kind, "backups.running.backup", (svc, cancel) -> {
            BackupOutcome o = svc.backup(kind, progress(kind), cancel);
            BackupRecord r = o.record();
            String size = Format.current().bytes(r.manifest().size());
            if (o.verification() == null) {
                throw new NotVerified(Messages.t("backups.done.notVerified", r.id(), size, o.notVerified()));
            }
            if (!o.verification().passed()) {
                throw new NotVerified(Messages.t("backups.done.verifyFailed", r.id(), size, o.verification().reason()));
            }
            return Messages.t("backups.done.backup", r.id(), size,
                    VerificationText.checked(o.verification(), Messages.current(), Format.current()));
        });
    }

    @Override
    public boolean verifyNewest(BackupKind kind) {
        return runExclusive(kind, "backups.running.verify", (svc, cancel) -> {
            BackupRecord r = svc.find(null, kind);
            BackupKeys.Identity key = svc.environment().identity(null);
            Verification v = svc.verify(r, key, progress(kind), cancel);
            if (!v.passed()) {
                throw new NotVerified(Messages.t("backups.verifyProblems", r.id(), v.reason()));
            }
            return Messages.t("backups.done.verify", r.id(), VerificationText.checked(v, Messages.current(), Format.current()));
        });
    }

    /** The backup was written or read, but did not pass verification: its message says why. */
    private static final class NotVerified extends RuntimeException {
        NotVerified(String message) {
            super(message);
        }
    }

    private interface Job {
        String run(BackupService svc, Cancellation cancel);
    }

    private boolean runExclusive(BackupKind kind, String runningKey, Job job) {
        Cancellation cancel = new Cancellation();
        if (!running.compareAndSet(null, cancel)) {
            return false;
        }
        String what = Messages.t("backups.kind." + kind.name().toLowerCase(Locale.ROOT));
        post.accept(new UiEvent.BackupProgress(Messages.t(runningKey, what)));
        edm.console.core.InFlightWork w = inFlight;
        edm.console.core.InFlightWork.Ticket ticket = w == null ? null
                : w.begin(runningKey.endsWith("verify") ? "verify" : "backup", kind.name().toLowerCase(Locale.ROOT));
        lane.execute(() -> {
            String who = System.getenv("SUDO_USER") != null ? System.getenv("SUDO_USER") : System.getProperty("user.name");
            try {
                String result = job.run(service(), cancel);
                timeline.action(clock.now(), what, result + " (" + who + ")", false);
                if (ticket != null) {
                    ticket.finished(true, result);
                }
                post.accept(new UiEvent.ActionDone("", result, false));
            } catch (NotVerified e) {
                // Written or read, but not verified: the message already says which step failed.
                timeline.action(clock.now(), what, e.getMessage() + " (" + who + ")", true);
                post.accept(new UiEvent.ActionDone("", e.getMessage(), true));
            } catch (RuntimeException e) {
                String msg = Messages.t("backups.failed", what, e.getMessage());
                timeline.action(clock.now(), what, msg + " (" + who + ")", true);
                if (ticket != null) {
                    ticket.finished(false, msg);
                }
                post.accept(new UiEvent.ActionDone("", msg, true));
            } finally {
                if (ticket != null) {
                    ticket.close();
                }
                running.set(null);
                post.accept(new UiEvent.BackupProgress(null));
                refresh();
                post.accept(new UiEvent.BackupFinished(kind));
            }
        });
        return true;
    }

    /** The running line: the action's steps with the current one marked, and the bytes of a long step. */
    private edm.console.backup.BackupProgress progress(BackupKind kind) {
        String what = Messages.t("backups.kind." + kind.name().toLowerCase(Locale.ROOT));
        return new edm.console.backup.BackupProgress() {
            private volatile Step current = Step.DUMP;

            @Override
            public void step(Step step) {
                current = step;
                post.accept(new UiEvent.BackupProgress(Messages.t("backups.steps", what, chain(step))));
            }

            @Override
            public void update(String step, long bytes, Duration elapsed) {
                post.accept(new UiEvent.BackupProgress(Messages.t("backups.progress", Messages.t("backups.steps", what, chain(current)),
                        step, Format.current().bytes(bytes), Format.current().duration(elapsed))));
            }
        };
    }

    /** "dump → [write] → verify": every step, the current one in brackets. */
    static String chain(edm.console.backup.BackupProgress.Step current) {
        StringBuilder sb = new StringBuilder();
        for (edm.console.backup.BackupProgress.Step s : edm.console.backup.BackupProgress.Step.values()) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            String word = Messages.t("backup.step." + s.name());
            sb.append(s == current ? "[" + word + "]" : word);
        }
        return sb.toString();
    }

    @Override
    public void cancel() {
        Cancellation c = running.get();
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
        lane.close();
    }
}
