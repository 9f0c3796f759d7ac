package edm.console.app;

import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupKeys;
import edm.console.backup.BackupRecord;
import edm.console.backup.BackupService;
import edm.console.backup.BackupStatus;
import edm.console.backup.Cancellation;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Threads;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-backups"));
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
        thread.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
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

    /** An overdue kind is a critical probe, which the backup-overdue rule turns into an alert. */
    static List<ProbeResult> probes(Map<BackupKind, BackupStatus> status, Instant now) {
        List<ProbeResult> out = new ArrayList<>();
        for (BackupStatus s : status.values()) {
            String target = Messages.t("backups.kind." + s.kind().name().toLowerCase(Locale.ROOT));
            String value = s.newest() == null ? Messages.t("backups.none") : Format.current().ago(s.newest().created(), now);
            out.add(new ProbeResult("backup:" + s.kind(), "backup", target, s.overdue() ? ProbeStatus.CRITICAL : ProbeStatus.OK,
                    value, Duration.ZERO, now, s.overdue() ? Messages.t("backups.overdue", Format.current().duration(s.maxAge())) : "",
                    Map.of("overdue", s.overdue() ? 1.0 : 0.0)));
        }
        return out;
    }

    @Override
    public boolean backup(BackupKind kind) {
        return runExclusive(kind, "backups.running.backup", (svc, cancel) -> {
            BackupRecord r = svc.backup(kind, progress(kind), cancel);
            return Messages.t("backups.done.backup", r.id(), Format.current().bytes(r.manifest().size()));
        });
    }

    @Override
    public boolean verifyNewest(BackupKind kind) {
        return runExclusive(kind, "backups.running.verify", (svc, cancel) -> {
            BackupRecord r = svc.find(null, kind);
            BackupKeys.Identity key = svc.environment().identity(null);
            List<String> problems = svc.verify(r, key, progress(kind), cancel);
            return problems.isEmpty() ? Messages.t("backups.done.verify", r.id())
                    : Messages.t("backups.verifyProblems", r.id(), String.join("; ", problems));
        });
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
        thread.execute(() -> {
            String who = System.getenv("SUDO_USER") != null ? System.getenv("SUDO_USER") : System.getProperty("user.name");
            try {
                String result = job.run(service(), cancel);
                timeline.action(clock.now(), what, result + " (" + who + ")", false);
                if (ticket != null) {
                    ticket.finished(true, result);
                }
                post.accept(new UiEvent.ActionDone("", result, false));
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
            }
        });
        return true;
    }

    private edm.console.backup.BackupProgress progress(BackupKind kind) {
        String what = Messages.t("backups.kind." + kind.name().toLowerCase(Locale.ROOT));
        return (step, bytes, elapsed) -> post.accept(new UiEvent.BackupProgress(Messages.t("backups.progress", what, step,
                Format.current().bytes(bytes), Format.current().duration(elapsed))));
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
        thread.shutdownNow();
    }
}
