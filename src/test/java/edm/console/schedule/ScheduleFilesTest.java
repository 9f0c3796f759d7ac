package edm.console.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edm.console.config.ScheduleSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files schedule install writes: systemd units that systemd's own checker accepts, with calendar events
 * systemd reads the way the status computes the next run; and the cron variant installed into a temp root,
 * each line valid crontab(5) syntax with the user and the launcher's absolute path. Install twice changes
 * nothing, remove removes only the console's files.
 */
class ScheduleFilesTest {
    private static final Pattern CRON_FIELD = Pattern.compile("\\*|\\*/\\d+|\\d+");
    @TempDir
    Path dir;

    private ScheduleSettings settings(String mode) {
        ScheduleSettings s = new ScheduleSettings();
        s.root = dir.resolve("root").toString();
        s.mode = mode;
        s.user = "edmops";
        return s;
    }

    private JobCommand launcher() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("opt dir/bin")).resolve("edm-console");
        Files.writeString(bin, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new JobCommand(bin.toString(), "/opt/edm/edm-console 50%.yml");
    }

    @Test
    void systemdUnitsPassSystemdAnalyzeVerifyAndRunTheLauncherAsTheUser() throws Exception {
        ScheduleSettings s = settings("systemd");
        JobCommand command = launcher();
        ScheduleInstaller.Plan plan = ScheduleInstaller.install(s, command);
        ScheduleInstaller.apply(plan);
        Path units = dir.resolve("root/etc/systemd/system");
        List<String> names = Files.list(units).map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(8, names.size(), names.toString());
        String service = Files.readString(units.resolve("edm-console-database-backup.service"));
        assertTrue(service.contains("\nUser=edmops\n"), service);
        // The path with a space is quoted, the % of the config name doubled (systemd.service(5) specifiers).
        assertTrue(service.contains("\nExecStart=\"" + command.launcher() + "\" --config \"/opt/edm/edm-console 50%%.yml\" schedule run database-backup\n"),
                service);
        assertTrue(Files.readString(units.resolve("edm-console-health-check.service")).contains("SuccessExitStatus=1 2"));
        assertTrue(Files.readString(units.resolve("edm-console-files-backup.timer")).contains("\nOnCalendar=Sun *-*-* 03:30:00\n"));

        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here: the units' syntax was not checked by systemd");
        List<String> verify = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        names.forEach(n -> verify.add(units.resolve(n).toString()));
        String[] result = run(verify);
        assertEquals("0", result[0], result[1]);
        // verify prints unknown keys and bad values without failing: none at all.
        assertEquals("", result[1].strip(), "systemd-analyze verify complained");
    }

    @Test
    void systemdReadsEachCalendarEventWithTheNextRunTheStatusComputes() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here: the calendar events were not checked by systemd");
        ScheduleSettings s = settings("systemd");
        s.healthCheck.everyMinutes = 10;
        s.restoreDrill.day = "wed";
        for (ScheduledJob job : ScheduledJob.values()) {
            Timing t = job.timing(s);
            ZonedDateTime before = t.next(ZonedDateTime.now(ZoneId.systemDefault()));
            String[] r = run(List.of("systemd-analyze", "calendar", "--iterations=1", t.onCalendar()));
            ZonedDateTime after = t.next(ZonedDateTime.now(ZoneId.systemDefault()));
            assertEquals("0", r[0], r[1]);
            String next = r[1].lines().filter(l -> l.strip().startsWith("Next elapse:")).findFirst().orElseThrow().strip();
            // "Next elapse: Wed 2026-12-02 05:00:00 UTC": the local date and time; systemd ran between before and after.
            String[] words = next.split("\\s+");
            String systemd = words[3] + " " + words[4];
            assertTrue(systemd.equals(local(before)) || systemd.equals(local(after)), job + ": " + local(before) + " vs " + r[1]);
        }
    }

    @Test
    void theCronVariantIsValidCrontabWithTheUserAndTheLauncher() throws Exception {
        ScheduleSettings s = settings("cron");
        JobCommand command = new JobCommand(launcher().launcher(), null);
        ScheduleInstaller.apply(ScheduleInstaller.install(s, command));
        Path cron = dir.resolve("root/etc/cron.d/edm-console");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cron)), "cron skips group/other-writable files");
        List<String> jobs = Files.readAllLines(cron).stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.contains("=")).toList();
        assertEquals(4, jobs.size(), jobs.toString());
        Map<String, String> when = Map.of("health-check", "*/5 * * * *", "database-backup", "30 2 * * *",
                "files-backup", "30 3 * * 0", "restore-drill", "0 5 * * 0");
        for (String line : jobs) {
            String[] f = line.split(" ", 7);
            for (int i = 0; i < 5; i++) {
                assertTrue(CRON_FIELD.matcher(f[i]).matches(), line);
            }
            assertEquals("edmops", f[5], line);
            // The launcher's path has a space: single-quoted for cron's sh, and it exists and is executable.
            assertTrue(f[6].startsWith("'" + command.launcher() + "' schedule run "), line);
            assertTrue(Files.isExecutable(Path.of(command.launcher())));
            String job = f[6].substring(f[6].lastIndexOf(' ') + 1);
            assertEquals(when.get(job), String.join(" ", List.of(f).subList(0, 5)), line);
        }
        assertTrue(Files.readString(cron).contains("\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"));
    }

    @Test
    void installTwiceChangesNothingAndRemoveLeavesTheOperatorsFiles() throws Exception {
        ScheduleSettings s = settings("systemd");
        JobCommand command = launcher();
        Path units = Files.createDirectories(dir.resolve("root/etc/systemd/system"));
        Path theirs = Files.writeString(units.resolve("edm-console-custom.service"), "[Service]\nExecStart=/bin/true\n");
        ScheduleInstaller.apply(ScheduleInstaller.install(s, command));
        ScheduleInstaller.Plan again = ScheduleInstaller.install(s, command);
        assertFalse(again.changesSomething(), again.changes().toString());
        assertTrue(again.changes().stream().allMatch(c -> c.action() == ScheduleInstaller.Action.UNCHANGED));

        // A job turned off: its two units go, the others stay.
        s.restoreDrill.enabled = false;
        ScheduleInstaller.Plan off = ScheduleInstaller.install(s, command);
        assertEquals(List.of("edm-console-restore-drill.service", "edm-console-restore-drill.timer"), off.changes().stream()
                .filter(c -> c.action() == ScheduleInstaller.Action.REMOVE).map(c -> c.file().getFileName().toString()).toList());
        ScheduleInstaller.apply(off);

        ScheduleInstaller.apply(ScheduleInstaller.remove(s));
        assertEquals(List.of(theirs), Files.list(units).toList());
        assertEquals("[Service]\nExecStart=/bin/true\n", Files.readString(theirs));
    }

    @Test
    void aCronFileTheConsoleDidNotWriteIsNeitherReplacedNorRemoved() throws Exception {
        ScheduleSettings s = settings("cron");
        Path cron = Files.createDirectories(dir.resolve("root/etc/cron.d")).resolve("edm-console");
        Files.writeString(cron, "*/5 * * * * ubuntu /opt/edm/scripts/health-check.sh\n");
        ScheduleInstaller.Plan plan = ScheduleInstaller.install(s, new JobCommand("/usr/bin/edm-console", null));
        assertTrue(plan.refused());
        ScheduleInstaller.apply(plan);
        assertEquals(List.of(), ScheduleInstaller.remove(s).changes());
        assertEquals("*/5 * * * * ubuntu /opt/edm/scripts/health-check.sh\n", Files.readString(cron));
    }

    @Test
    void autoPicksSystemdOnlyWhereRunSystemdSystemExists() throws Exception {
        ScheduleSettings s = settings("auto");
        assertEquals(ScheduleTarget.Backend.CRON, ScheduleTarget.of(s).backend());
        Files.createDirectories(dir.resolve("root/run/systemd/system"));
        assertEquals(ScheduleTarget.Backend.SYSTEMD, ScheduleTarget.of(s).backend());
        assertFalse(ScheduleTarget.of(s).live(), "a temp root never reaches systemctl");
        assertEquals(List.of(), ScheduleInstaller.install(s, new JobCommand("/usr/bin/edm-console", null)).systemctl());
    }

    private static String local(ZonedDateTime t) {
        return String.format("%s %02d:%02d:00", t.toLocalDate(), t.getHour(), t.getMinute());
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Exit code and the output (stdout and stderr together). */
    private static String[] run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + argv);
        return new String[] {String.valueOf(p.exitValue()), out};
    }
}
