package edm.console.i18n;

import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, sizes, durations and times as the user reads them, in the UI language. Short and
 * unambiguous so they fit table columns: {@code 3d 4h} / {@code 3天4小时}, {@code 2h 05m} /
 * {@code 2小时05分}, {@code 5m ago} / {@code 5分钟前}, {@code 1.2 MiB/s}, {@code 85.3%},
 * {@code 2026-11-29 14:05:03}. Missing values (null, NaN, negative sizes) print as
 * {@code common.none} ("-") rather than as a fake zero.
 *
 * <p>Every pattern comes from the {@code common} bundle, so an instance is bound to one
 * {@link Messages}; {@link #current()} follows {@link Messages#use(Locale)}.
 */
public final class Format {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final String[] BYTE_UNIT_KEYS = {
        "common.unit.byte", "common.unit.kib", "common.unit.mib", "common.unit.gib",
        "common.unit.tib", "common.unit.pib", "common.unit.eib",
    };

    private final Messages messages;
    private final ZoneId zone;
    private volatile DecimalFormatSymbols symbols;

    public Format(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** For the current UI language and the system time zone. */
    public static Format current() {
        return new Format(Messages.current(), ZoneId.systemDefault());
    }

    public static Format of(Locale locale, ZoneId zone) {
        return new Format(new Messages(locale), zone);
    }

    public Locale locale() {
        return messages.locale();
    }

    /** The marker for a value that is not known: "-". */
    public String none() {
        return messages.get("common.none");
    }

    /**
     * The two largest units, the smaller one zero-padded where it is minutes or seconds:
     * {@code 45s}, {@code 5m 03s}, {@code 2h 05m}, {@code 3d 4h} (Chinese: {@code 45秒},
     * {@code 5分03秒}, {@code 2小时05分}, {@code 3天4小时}). Truncates to whole seconds; a negative
     * duration (clock skew between engine and host) counts as zero.
     */
    public String duration(Duration d) {
        if (d == null) {
            return none();
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return messages.get("common.duration.seconds", Long.toString(s));
        }
        if (s < 3600) {
            return messages.get("common.duration.minutes_seconds", Long.toString(s / 60), pad2(s % 60));
        }
        if (s < 86_400) {
            return messages.get("common.duration.hours_minutes", Long.toString(s / 3600), pad2(s % 3600 / 60));
        }
        return messages.get("common.duration.days_hours", Long.toString(s / 86_400), Long.toString(s % 86_400 / 3600));
    }

    /** Time from {@code start} to {@code now} as a {@link #duration(Duration)}: an uptime or an age. */
    public String uptime(Instant start, Instant now) {
        if (start == null || now == null) {
            return none();
        }
        return duration(Duration.between(start, now));
    }

    /**
     * How long ago, in the largest whole unit: {@code 45s ago}, {@code 5m ago}, {@code 3h ago},
     * {@code 2d ago} ({@code 5分钟前} …). Under a second, or in the future, is "just now".
     */
    public String ago(Instant then, Instant now) {
        if (then == null || now == null) {
            return none();
        }
        long s = Duration.between(then, now).getSeconds();
        if (s < 1) {
            return messages.get("common.ago.just_now");
        }
        if (s < 60) {
            return messages.get("common.ago.seconds", Long.toString(s));
        }
        if (s < 3600) {
            return messages.get("common.ago.minutes", Long.toString(s / 60));
        }
        if (s < 86_400) {
            return messages.get("common.ago.hours", Long.toString(s / 3600));
        }
        return messages.get("common.ago.days", Long.toString(s / 86_400));
    }

    /**
     * A size in binary units with one decimal: {@code 512 B}, {@code 1.0 KiB}, {@code 12.3 MiB},
     * {@code 1.2 GiB}. A value that would round up to 1024 of a unit moves to the next unit.
     */
    public String bytes(long bytes) {
        if (bytes < 0) {
            return none();
        }
        if (bytes < 1024) {
            return messages.get("common.size", Long.toString(bytes), messages.get(BYTE_UNIT_KEYS[0]));
        }
        double value = bytes / 1024.0;
        int unit = 1;
        while (Math.round(value * 10) >= 10_240 && unit < BYTE_UNIT_KEYS.length - 1) {
            value /= 1024;
            unit++;
        }
        return messages.get("common.size", oneDecimal(value), messages.get(BYTE_UNIT_KEYS[unit]));
    }

    /** A throughput: {@code 1.2 MiB/s}, {@code 0 B/s}. */
    public String rate(double bytesPerSecond) {
        if (Double.isNaN(bytesPerSecond) || bytesPerSecond < 0 || Double.isInfinite(bytesPerSecond)) {
            return none();
        }
        return messages.get("common.rate.per_second", bytes(Math.round(bytesPerSecond)));
    }

    /** A percentage given as 0-100 (or more, for CPU over several cores): {@code 85.3%}. */
    public String percent(double percent) {
        if (Double.isNaN(percent) || Double.isInfinite(percent)) {
            return none();
        }
        return messages.get("common.percent", oneDecimal(percent));
    }

    /** A count with the locale's grouping: {@code 1,234,567}. */
    public String number(long n) {
        if (n > -1000 && n < 1000) {
            return Long.toString(n); // nothing to group
        }
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** {@code 2026-11-29 14:05:03} in this formatter's time zone (same in both languages: sortable and unambiguous). */
    public String dateTime(Instant t) {
        return t == null ? none() : DATE_TIME.format(t.atZone(zone));
    }

    /** {@code 14:05:03} in this formatter's time zone. */
    public String clock(Instant t) {
        return t == null ? none() : CLOCK.format(t.atZone(zone));
    }

    /** The container state as a word: running / 运行中. */
    public String status(ContainerStatus status) {
        return messages.get("common.status." + (status == null ? ContainerStatus.UNKNOWN : status).name());
    }

    /** The healthcheck result as a word: healthy / 健康. */
    public String health(HealthStatus health) {
        return messages.get("common.health." + (health == null ? HealthStatus.NONE : health).name());
    }

    public String yesNo(boolean yes) {
        return messages.get(yes ? "common.yes" : "common.no");
    }

    /**
     * {@code 85.3}, {@code -0.0}: what {@code new DecimalFormat("0.0")} with HALF_UP prints in both
     * languages, without building a DecimalFormat per value (the panels format dozens every frame).
     * Rounds the double's exact value, as DecimalFormat does below 10^9; from there on DecimalFormat
     * rounds the shortest decimal that reads back as the double, so such values go to it.
     */
    String oneDecimal(double value) {
        double abs = Math.abs(value);
        if (!(abs < 1e9)) {
            return decimalFormatOneDecimal(value);
        }
        long tenths = (long) Math.floor(abs * 10);
        double rest = abs * 10 - tenths;
        if (Math.abs(rest - 0.5) < 1e-4) {
            // At or near a tie the product above is not exact: decide from the double's exact value.
            tenths = new BigDecimal(abs).setScale(1, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } else if (rest > 0.5) {
            tenths++;
        }
        // DecimalFormat keeps the sign of a negative value that rounds to zero ("-0.0"), and of -0.0 itself.
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        StringBuilder b = new StringBuilder(24);
        if (negative) {
            b.append(negativeSign());
        }
        return b.append(tenths / 10).append(decimalSeparator()).append((char) ('0' + tenths % 10)).toString();
    }

    /**
     * {@code 3.59}: what {@code String.format(locale, "%.2f", value)} prints (the shortest decimal
     * that reads back as the double, rounded half up), for load averages, without a Formatter per value.
     */
    public String twoDecimals(double value) {
        if (!(value >= 0 && value < 1e7) || (value == 0 && 1 / value < 0)) {
            return String.format(locale(), "%.2f", value);
        }
        String plain = new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        char sep = decimalSeparator();
        return sep == '.' ? plain : plain.replace('.', sep);
    }

    private DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = symbols;
        if (s == null) {
            s = DecimalFormatSymbols.getInstance(locale());
            symbols = s;
        }
        return s;
    }

    private char decimalSeparator() {
        return symbols().getDecimalSeparator();
    }

    private char negativeSign() {
        return symbols().getMinusSign();
    }

    /** The reference {@link #oneDecimal(double)} follows (and the path for values from 10^9 on). */
    String decimalFormatOneDecimal(double value) {
        DecimalFormat f = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale()));
        f.setRoundingMode(RoundingMode.HALF_UP); // as Math.round in bytes(), and as people round
        return f.format(value);
    }

    private static String pad2(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
