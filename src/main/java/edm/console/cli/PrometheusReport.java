package edm.console.cli;

import edm.console.backup.AuditLog;
import edm.console.backup.AuditReader;
import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupService;
import edm.console.backup.BackupStatus;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.schedule.ScheduleProbes;
import edm.console.schedule.ScheduleStatus;
import edm.console.workflow.Release;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code check --format prometheus}: the check's view as node_exporter textfile metrics, so an existing
 * Prometheus/Grafana picks it up. Names follow Prometheus' conventions: the {@code edm_console_} prefix, base
 * units ({@code _seconds}, {@code _bytes}), 1/0 for yes/no, and a status as a code documented in its HELP.
 */
final class PrometheusReport {
    static final String FILE = "edm_console.prom";

    private PrometheusReport() {
    }

    static String text(SnapshotCollector.Report report, ConsoleConfig config, Clock clock) {
        PrometheusText p = new PrometheusText();
        Instant now = report.at();
        p.gauge("edm_console_check_status", "Worst probe status of the check: 0 ok, 1 warning, 2 unknown, 3 critical.")
                .sample("edm_console_check_status", code(report.worst()));
        p.gauge("edm_console_check_timestamp_seconds", "When the check ran, Unix time.")
                .sample("edm_console_check_timestamp_seconds", now.toEpochMilli() / 1000.0);
        p.gauge("edm_console_probe_ok", "1 when the probe is ok, else 0.");
        p.gauge("edm_console_probe_status", "Probe status: 0 ok, 1 warning, 2 unknown (the probe could not run), 3 critical.");
        p.gauge("edm_console_probe_latency_seconds", "How long the probe took.");
        for (ProbeResult r : report.probes()) {
            String[] l = {"probe", r.id(), "kind", r.kind(), "target", r.target()};
            p.sample("edm_console_probe_ok", r.ok() ? 1 : 0, l);
            p.sample("edm_console_probe_status", code(r.status()), l);
            p.sample("edm_console_probe_latency_seconds", r.latency().toNanos() / 1e9, l);
        }
        containers(p, report);
        backups(p, config, clock, now);
        deploys(p, config);
        schedule(p, config, now);
        return p.text();
    }

    private static void containers(PrometheusText p, SnapshotCollector.Report report) {
        p.gauge("edm_console_engine_up", "1 when the Docker engine answered, else 0.")
                .sample("edm_console_engine_up", report.containers().engine().connected() ? 1 : 0);
        p.gauge("edm_console_container_state", "1 for the container's current state (created, running, paused, restarting, exited, dead, ...), 0 for the others.");
        p.gauge("edm_console_container_restarts", "The engine's restart count of the container (since it was created).");
        p.gauge("edm_console_container_started_timestamp_seconds", "When the container last started, Unix time.");
        for (ContainerInfo c : report.containers().containers()) {
            for (ContainerStatus s : ContainerStatus.values()) {
                p.sample("edm_console_container_state", c.status() == s ? 1 : 0, "container", c.name(), "state", s.name().toLowerCase(Locale.ROOT));
            }
            if (c.restartCount() >= 0) {
                p.sample("edm_console_container_restarts", c.restartCount(), "container", c.name());
            }
            if (c.startedAt() != null) {
                p.sample("edm_console_container_started_timestamp_seconds", c.startedAt().getEpochSecond(), "container", c.name());
            }
        }
    }

    private static void backups(PrometheusText p, ConsoleConfig config, Clock clock, Instant now) {
        Map<BackupKind, BackupStatus> all;
        try {
            all = new BackupService(BackupEnvironment.from(config, () -> null, clock)).status();
        } catch (RuntimeException e) {
            // the backup probe in the check already says UNKNOWN and why
            return;
        }
        p.gauge("edm_console_backup_age_seconds", "Age of the newest good backup of the kind.");
        p.gauge("edm_console_backup_size_bytes", "Size of the newest good backup of the kind.");
        p.gauge("edm_console_backup_timestamp_seconds", "When the newest good backup of the kind was taken, Unix time.");
        p.gauge("edm_console_backup_verified", "1 when the newest backup of the kind passed verification, else 0.");
        p.gauge("edm_console_backup_count", "Good backups of the kind kept.");
        for (BackupStatus s : all.values()) {
            String kind = s.kind().word();
            p.sample("edm_console_backup_count", s.count(), "kind", kind);
            if (s.newest() == null) {
                continue;
            }
            Instant created = s.newest().manifest().created();
            p.sample("edm_console_backup_age_seconds", Math.max(0, now.getEpochSecond() - created.getEpochSecond()), "kind", kind);
            p.sample("edm_console_backup_size_bytes", s.newestSize(), "kind", kind);
            p.sample("edm_console_backup_timestamp_seconds", created.getEpochSecond(), "kind", kind);
            p.sample("edm_console_backup_verified", s.verification() != null && s.verification().passed() ? 1 : 0, "kind", kind);
        }
    }

    /** The last deploy or rollback of each service, from the audit log. */
    private static void deploys(PrometheusText p, ConsoleConfig config) {
        p.gauge("edm_console_last_deploy_success", "1 when the service's last deploy or rollback ended ok, else 0 (failed, rolled back).");
        p.gauge("edm_console_last_deploy_timestamp_seconds", "When the service's last deploy or rollback ended, Unix time.");
        for (Map.Entry<String, AuditLog.Entry> e : AuditReader.newestByTarget(config.projectPath(), Set.of("deploy", "rollback")).entrySet()) {
            AuditLog.Entry a = e.getValue();
            p.sample("edm_console_last_deploy_success", Release.OK.equals(a.result()) ? 1 : 0, "service", e.getKey(), "action", a.action());
            if (a.time() != null) {
                p.sample("edm_console_last_deploy_timestamp_seconds", a.time().getEpochSecond(), "service", e.getKey(), "action", a.action());
            }
        }
    }

    private static void schedule(PrometheusText p, ConsoleConfig config, Instant now) {
        p.gauge("edm_console_schedule_last_run_timestamp_seconds", "When the scheduled job last started, Unix time.");
        p.gauge("edm_console_schedule_last_run_duration_seconds", "How long the scheduled job's last run took.");
        p.gauge("edm_console_schedule_last_run_success", "1 when the scheduled job's last run ended ok (or found only warnings), else 0.");
        p.gauge("edm_console_schedule_missed", "1 when the installed job did not run when it was due, else 0.");
        for (ScheduleStatus.Job j : ScheduleStatus.read(config.schedule, ScheduleProbes.stateDir(config), now, ZoneId.systemDefault())) {
            if (!j.installed()) {
                continue;
            }
            String id = j.job().id();
            p.sample("edm_console_schedule_missed", j.missed() ? 1 : 0, "job", id);
            j.last().ifPresent(r -> {
                p.sample("edm_console_schedule_last_run_timestamp_seconds", r.started().getEpochSecond(), "job", id);
                p.sample("edm_console_schedule_last_run_duration_seconds", r.duration().toMillis() / 1000.0, "job", id);
                p.sample("edm_console_schedule_last_run_success", j.warning() ? 0 : 1, "job", id);
            });
        }
    }

    /** The status as a number that grows with how bad it is (UNKNOWN between WARNING and CRITICAL, as the check ranks it). */
    static int code(ProbeStatus s) {
        return switch (s) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }

    /**
     * Writes the text as node_exporter's textfile collector wants it: a temp file in the same dir, then an
     * atomic rename, so the collector never reads half a file; the temp name does not end in .prom, which the
     * collector would read.
     */
    static Path writeTextfile(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + FILE + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            // createTempFile makes it 600; node_exporter reads it as a user of its own.
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Path target = dir.resolve(FILE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
