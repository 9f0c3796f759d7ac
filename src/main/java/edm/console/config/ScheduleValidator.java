package edm.console.config;

import java.util.Set;
import java.util.regex.Pattern;

/** The meaning of {@code schedule.*}: times, days, the interval, paths and the user, each problem with its line. */
final class ScheduleValidator {
    static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** A user name cron and systemd both take (no spaces, no colon, not starting with a dash). */
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]*\\$?");

    private final ProblemList problems;

    ScheduleValidator(ProblemList problems) {
        this.problems = problems;
    }

    void validate(ScheduleSettings s) {
        problems.requireAbsolutePath("schedule.root", s.root);
        problems.requireAbsolutePath("schedule.unitDir", s.unitDir);
        problems.requireAbsolutePath("schedule.cronFile", s.cronFile);
        if (!Set.of("auto", "systemd", "cron").contains(s.mode)) {
            problems.add("schedule.mode", "scheduleMode", String.valueOf(s.mode));
        }
        if (s.user == null || !USER.matcher(s.user).matches()) {
            problems.add("schedule.user", "scheduleUser", String.valueOf(s.user));
        }
        if (s.command != null && !s.command.isEmpty()) {
            problems.requireAbsolutePath("schedule.command", s.command);
        }
        int n = s.healthCheck.everyMinutes;
        if (n < 1 || n > 30 || 60 % n != 0) {
            problems.add("schedule.healthCheck.everyMinutes", "scheduleEvery", String.valueOf(n));
        }
        time("schedule.databaseBackup.at", s.databaseBackup.at);
        weekly("schedule.filesBackup", s.filesBackup);
        weekly("schedule.restoreDrill", s.restoreDrill);
    }

    private void weekly(String key, ScheduleSettings.Weekly w) {
        if (w.day == null || !DAYS.contains(w.day)) {
            problems.add(key + ".day", "scheduleDay", String.valueOf(w.day));
        }
        time(key + ".at", w.at);
    }

    private void time(String key, String value) {
        if (value == null || !TIME.matcher(value).matches()) {
            problems.add(key, "scheduleTime", String.valueOf(value));
        }
    }

}
