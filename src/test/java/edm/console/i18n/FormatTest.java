package edm.console.i18n;

import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Format en = Format.of(Locale.ENGLISH, SHANGHAI);
    private final Format zh = Format.of(LanguageResolver.SIMPLIFIED_CHINESE, SHANGHAI);

    private static Duration d(long days, long hours, long minutes, long seconds) {
        return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
    }

    @Test
    void durationsShowTheTwoLargestUnits() {
        assertEquals("0s", en.duration(Duration.ZERO));
        assertEquals("45s", en.duration(Duration.ofSeconds(45)));
        assertEquals("5m 03s", en.duration(d(0, 0, 5, 3)));
        assertEquals("2h 05m", en.duration(d(0, 2, 5, 59)));
        assertEquals("3d 4h", en.duration(d(3, 4, 59, 0)));
        assertEquals("400d 0h", en.duration(Duration.ofDays(400)));
        assertEquals("59s", en.duration(Duration.ofMillis(59_999)));
        assertEquals("1m 00s", en.duration(Duration.ofSeconds(60)));
    }

    @Test
    void durationsInChinese() {
        assertEquals("45秒", zh.duration(Duration.ofSeconds(45)));
        assertEquals("5分03秒", zh.duration(d(0, 0, 5, 3)));
        assertEquals("2小时05分", zh.duration(d(0, 2, 5, 0)));
        assertEquals("3天4小时", zh.duration(d(3, 4, 0, 0)));
    }

    @Test
    void negativeDurationsFromClockSkewAreZeroAndMissingOnesAreADash() {
        assertEquals("0s", en.duration(Duration.ofSeconds(-5)));
        assertEquals("-", en.duration(null));
        assertEquals("-", zh.uptime(null, Instant.now()));
    }

    @Test
    void uptimeIsTheDurationSinceStart() {
        Instant now = Instant.parse("2026-11-29T06:05:03Z");
        assertEquals("2h 05m", en.uptime(now.minus(d(0, 2, 5, 0)), now));
        assertEquals("2小时05分", zh.uptime(now.minus(d(0, 2, 5, 0)), now));
    }

    @Test
    void agoUsesTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-11-29T06:05:03Z");
        assertEquals("just now", en.ago(now, now));
        assertEquals("just now", en.ago(now.plusSeconds(30), now)); // in the future: skew
        assertEquals("45s ago", en.ago(now.minusSeconds(45), now));
        assertEquals("5m ago", en.ago(now.minusSeconds(5 * 60 + 59), now));
        assertEquals("3h ago", en.ago(now.minus(Duration.ofHours(3)), now));
        assertEquals("2d ago", en.ago(now.minus(Duration.ofDays(2)), now));
        assertEquals("刚刚", zh.ago(now, now));
        assertEquals("45秒前", zh.ago(now.minusSeconds(45), now));
        assertEquals("5分钟前", zh.ago(now.minusSeconds(300), now));
        assertEquals("3小时前", zh.ago(now.minus(Duration.ofHours(3)), now));
        assertEquals("2天前", zh.ago(now.minus(Duration.ofDays(2)), now));
    }

    @Test
    void bytesUseBinaryUnitsWithOneDecimal() {
        assertEquals("0 B", en.bytes(0));
        assertEquals("1023 B", en.bytes(1023));
        assertEquals("1.0 KiB", en.bytes(1024));
        assertEquals("1.5 KiB", en.bytes(1536));
        assertEquals("12.3 MiB", en.bytes((long) (12.3 * 1024 * 1024)));
        assertEquals("1.2 GiB", en.bytes((long) (1.2 * 1024 * 1024 * 1024)));
        assertEquals("1.0 MiB", en.bytes(1024 * 1024 - 1)); // 1023.999 KiB would round to "1024.0 KiB"
        assertEquals("8.0 EiB", en.bytes(Long.MAX_VALUE));
        assertEquals("-", en.bytes(-1));
        assertEquals("12.3 MiB", zh.bytes((long) (12.3 * 1024 * 1024)));
    }

    @Test
    void ratesAndPercentages() {
        assertEquals("1.2 MiB/s", en.rate(1.2 * 1024 * 1024));
        assertEquals("0 B/s", zh.rate(0));
        assertEquals("-", en.rate(Double.NaN));
        assertEquals("85.3%", en.percent(85.25)); // half up
        assertEquals("85.3%", zh.percent(85.3));
        assertEquals("0.0%", en.percent(0));
        assertEquals("250.0%", en.percent(250)); // CPU on several cores
        assertEquals("-", en.percent(Double.NaN));
    }

    @Test
    void dateTimeAndClockAreIsoLikeInTheConfiguredZoneInBothLanguages() {
        Instant t = Instant.parse("2026-11-29T06:05:03.900Z");
        assertEquals("2026-11-29 14:05:03", en.dateTime(t));
        assertEquals("2026-11-29 14:05:03", zh.dateTime(t));
        assertEquals("14:05:03", zh.clock(t));
        assertEquals("06:05:03", Format.of(Locale.ENGLISH, ZoneOffset.UTC).clock(t));
        assertEquals("-", en.dateTime(null));
    }

    @Test
    void numbersAreGrouped() {
        assertEquals("1,234,567", en.number(1_234_567));
        assertEquals("1,234,567", zh.number(1_234_567));
        assertEquals("42", zh.number(42));
    }

    @Test
    void statesHealthAndYesNoAreWords() {
        assertEquals("running", en.status(ContainerStatus.RUNNING));
        assertEquals("已退出", zh.status(ContainerStatus.EXITED));
        assertEquals("未知", zh.status(null));
        assertEquals("unhealthy", en.health(HealthStatus.UNHEALTHY));
        assertEquals("无检查", zh.health(HealthStatus.NONE));
        assertEquals("是", zh.yesNo(true));
        for (ContainerStatus s : ContainerStatus.values()) {
            assertEquals(false, zh.status(s).startsWith("!"), s.name());
        }
        for (HealthStatus h : HealthStatus.values()) {
            assertEquals(false, en.health(h).startsWith("!"), h.name());
        }
    }
}
