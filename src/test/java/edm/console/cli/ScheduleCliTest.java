package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.app.Main;
import edm.console.config.ConfigLoader;
import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.schedule.RunRecords;
import edm.console.schedule.ScheduleProbes;
import edm.console.schedule.ScheduledJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule install|status|remove} as an operator runs them, into a temp root; the schedule in {@code check}. */
class ScheduleCliTest {
    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        Messages.use(Locale.ENGLISH);
        Files.createDirectories(dir.resolve("proj"));
        config = Files.writeString(dir.resolve("edm-console.yml"), "projectDir: " + dir.resolve("proj") + "\nschedule:\n  root: "
                + dir.resolve("root") + "\n  mode: cron\n  command: /usr/bin/edm-console\n");
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--config";
            all[args.length + 1] = config.toString();
            code = Main.run(all);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aDryRunPrintsTheCronFileAndWritesNothing() {
        String[] r = run("schedule", "install", "--dry-run");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("would write") && r[1].contains(dir.resolve("root/etc/cron.d/edm-console").toString()), r[1]);
        assertTrue(r[1].contains("*/5 * * * * ubuntu /usr/bin/edm-console --config " + config + " schedule run health-check"), r[1]);
        assertFalse(Files.exists(dir.resolve("root")), "a dry run created " + dir.resolve("root"));
    }

    @Test
    void installTwiceThenRemove() {
        assertEquals("0", run("schedule", "install")[0]);
        Path cron = dir.resolve("root/etc/cron.d/edm-console");
        assertTrue(Files.isRegularFile(cron));
        String[] again = run("schedule", "install");
        assertTrue(again[1].contains("nothing changed"), again[1]);
        String[] removed = run("schedule", "remove");
        assertEquals("0", removed[0], removed[2]);
        assertFalse(Files.exists(cron));
    }

    @Test
    void aBadTimeIsOneLineNamingTheKey() throws Exception {
        Files.writeString(config, Files.readString(config) + "  databaseBackup:\n    at: \"25:00\"\n  filesBackup:\n    day: sunday\n");
        String[] r = run("schedule", "install", "--dry-run");
        assertEquals("2", r[0], r[1] + r[2]);
        List<String> lines = r[2].lines().filter(l -> l.contains("schedule.")).toList();
        assertEquals(2, lines.size(), r[2]);
        assertTrue(lines.get(0).contains(":7: schedule.databaseBackup.at: '25:00' is not a time of day"), lines.get(0));
        assertTrue(lines.get(1).contains("schedule.filesBackup.day: 'sunday' is not a day of the week"), lines.get(1));
    }

    @Test
    void aMissedRunIsAWarningInStatusAndInCheck() throws Exception {
        assertEquals("0", run("schedule", "install")[0]);
        Path cron = dir.resolve("root/etc/cron.d/edm-console");
        Instant now = Instant.now();
        // Installed ten days ago; the database backup last ran nine days ago, the health check a minute ago.
        Files.setLastModifiedTime(cron, FileTime.from(now.minus(Duration.ofDays(10))));
        RunRecords records = new RunRecords(dir.resolve("proj/state/deploy"));
        records.append(new RunRecords.Run(ScheduledJob.DATABASE_BACKUP, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(9)).plusSeconds(80),
                RunRecords.Result.OK, 0, ""));
        records.append(new RunRecords.Run(ScheduledJob.HEALTH_CHECK, now.minusSeconds(60), now.minusSeconds(58), RunRecords.Result.OK, 0, ""));

        String[] r = run("schedule", "status");
        assertEquals("1", r[0], r[1] + r[2]);
        List<String> warnings = r[1].lines().filter(l -> l.startsWith("WARNING ")).toList();
        // The weekly jobs never ran in the ten days: missed as well; the health check ran a minute ago.
        assertEquals(List.of("database backup", "files backup", "restore drill"),
                warnings.stream().map(l -> l.substring("WARNING ".length(), l.indexOf(':'))).toList(), r[1]);
        assertTrue(warnings.get(0).startsWith("WARNING database backup: missed the run due "), r[1]);
        String checkRow = r[1].lines().filter(l -> l.startsWith("health check")).findFirst().orElseThrow();
        assertTrue(checkRow.contains(" ok "), r[1]);

        ConsoleConfig c = ConfigLoader.loadFile(config).config();
        List<ProbeResult> probes = ScheduleProbes.evaluate(c, Instant.now());
        ProbeResult backup = probes.stream().filter(p -> p.id().equals("schedule.database-backup")).findFirst().orElseThrow();
        assertEquals(ProbeStatus.WARNING, backup.status());
        assertTrue(backup.error().startsWith("missed the run due"), backup.error());
        assertEquals(ProbeStatus.OK, probes.stream().filter(p -> p.id().equals("schedule.health-check")).findFirst().orElseThrow().status());
    }
}
