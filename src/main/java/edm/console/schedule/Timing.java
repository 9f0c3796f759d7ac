package edm.console.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a job runs: every N minutes (N divides the hour), daily at a time, or weekly on a day at a time,
 * in the host's local time. The one description both systemd's OnCalendar= and cron's five fields are
 * written from, and the one the status computes the previous and next run from, so they cannot disagree.
 */
public record Timing(int everyMinutes, LocalTime at, DayOfWeek day) {
    public static Timing every(int minutes) {
        return new Timing(minutes, null, null);
    }

    public static Timing daily(LocalTime at) {
        return new Timing(0, at, null);
    }

    public static Timing weekly(DayOfWeek day, LocalTime at) {
        return new Timing(0, at, day);
    }

    /** "mon".."sun" as the config spells the day. */
    public static DayOfWeek day(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT).equals(word)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + word);
    }

    public Duration period() {
        return everyMinutes > 0 ? Duration.ofMinutes(everyMinutes) : day == null ? Duration.ofDays(1) : Duration.ofDays(7);
    }

    /** systemd.time(7) calendar event: {@code *-*-* *:00/5:00}, {@code *-*-* 02:30:00}, {@code Sun *-*-* 03:30:00}. */
    public String onCalendar() {
        if (everyMinutes > 0) {
            return "*-*-* *:00/" + everyMinutes + ":00";
        }
        String time = String.format(Locale.ROOT, "%02d:%02d:00", at.getHour(), at.getMinute());
        return (day == null ? "" : day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ") + "*-*-* " + time;
    }

    /** crontab(5)'s five fields: {@code *}{@code /5 * * * *}, {@code 30 2 * * *}, {@code 30 3 * * 0} (0 is Sunday). */
    public String cronFields() {
        if (everyMinutes > 0) {
            return (everyMinutes == 1 ? "*" : "*/" + everyMinutes) + " * * * *";
        }
        return at.getMinute() + " " + at.getHour() + " * * " + (day == null ? "*" : String.valueOf(day.getValue() % 7));
    }

    /** The latest time the job was due at or before {@code now}. */
    public ZonedDateTime previous(ZonedDateTime now) {
        if (everyMinutes > 0) {
            ZonedDateTime m = now.truncatedTo(ChronoUnit.MINUTES);
            return m.withMinute(m.getMinute() - m.getMinute() % everyMinutes);
        }
        ZonedDateTime t = now.with(at).truncatedTo(ChronoUnit.MINUTES);
        if (day != null) {
            t = t.with(TemporalAdjusters.previousOrSame(day));
            return t.isAfter(now) ? t.minusWeeks(1) : t;
        }
        return t.isAfter(now) ? t.minusDays(1) : t;
    }

    /** The first time the job is due after {@code now}. */
    public ZonedDateTime next(ZonedDateTime now) {
        ZonedDateTime p = previous(now);
        ZonedDateTime n = everyMinutes > 0 ? p.plusMinutes(everyMinutes) : day == null ? p.plusDays(1) : p.plusWeeks(1);
        // Across a DST change the local wall time is what cron and systemd keep.
        return everyMinutes > 0 ? n : n.with(at);
    }
}
