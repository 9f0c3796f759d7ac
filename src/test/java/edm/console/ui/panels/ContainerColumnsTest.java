package edm.console.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStats;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.i18n.Format;
import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import edm.console.ui.Style;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContainerColumnsTest {
    private final Messages en = new Messages(Locale.ENGLISH);
    private final Format f = new Format(en, ZoneOffset.UTC);
    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    private static int total(List<ContainerColumns.Placed> cols) {
        return cols.stream().mapToInt(ContainerColumns.Placed::width).sum() + cols.size() - 1;
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 78, 118, 158, 240})
    void layoutFillsExactlyTheWidthAndKeepsTheName(int width) {
        for (Messages m : List.of(en, new Messages(LanguageResolver.SIMPLIFIED_CHINESE))) {
            List<ContainerColumns.Placed> cols = ContainerColumns.layout(width, m);
            assertEquals(ContainerColumns.NAME, cols.get(0).column());
            assertEquals(width, total(cols), "width " + width);
        }
    }

    @Test
    void narrowDropsLeastImportantFirst() {
        List<ContainerColumns> at78 = ContainerColumns.layout(78, en).stream().map(ContainerColumns.Placed::column).toList();
        assertTrue(at78.containsAll(List.of(ContainerColumns.NAME, ContainerColumns.STATE, ContainerColumns.HEALTH)));
        assertTrue(!at78.contains(ContainerColumns.PORTS), "ports go first");
        List<ContainerColumns> wide = ContainerColumns.layout(200, en).stream().map(ContainerColumns.Placed::column).toList();
        assertEquals(List.of(ContainerColumns.values()), wide);
    }

    private ContainerInfo c(ContainerStatus s, String image, int restarts) {
        return new ContainerInfo("id", "edm-backend-prod", image, s, HealthStatus.UNHEALTHY, now.minusSeconds(100),
                now.minusSeconds(3 * 86400 + 4 * 3600), restarts, List.of(), Map.of());
    }

    @Test
    void cellsCarryMeaningNotColours() {
        ContainerInfo running = c(ContainerStatus.RUNNING, "edm-backend:latest", 3);
        assertEquals(Style.WARNING, ContainerColumns.IMAGE.render(running, null, true, now, f).style(), "latest tag: use with care");
        assertEquals(Style.CRITICAL, ContainerColumns.HEALTH.render(running, null, true, now, f).style());
        assertEquals("3d 4h", ContainerColumns.UPTIME.render(running, null, true, now, f).text());
        assertEquals(Style.WARNING, ContainerColumns.RESTARTS.render(running, null, true, now, f).style());
        ContainerInfo exited = c(ContainerStatus.EXITED, "edm-backend:v1.1", 0);
        assertEquals(Style.CRITICAL, ContainerColumns.STATE.render(exited, null, true, now, f).style());
        assertEquals(Style.MUTED, ContainerColumns.STATE.render(exited, null, false, now, f).style());
        assertEquals("-", ContainerColumns.UPTIME.render(exited, null, true, now, f).text());
        ContainerStats nearlyFull = new ContainerStats(5, 950L << 20, 1000L << 20, now);
        assertEquals(Style.CRITICAL, ContainerColumns.MEMORY.render(running, nearlyFull, true, now, f).style());
        assertEquals("-", ContainerColumns.CPU.render(running, null, true, now, f).text(), "not sampled yet");
    }

    @Test
    void spareWidthGoesToTheNameUntilTheWidestNameFits() {
        List<ContainerColumns.Placed> cols = ContainerColumns.layout(118, en, 23, 16);
        assertEquals(23, cols.get(0).width(), "whole name");
        assertEquals(16, cols.get(1).width(), "whole image");
        assertEquals(118, total(cols));
        assertEquals(48, ContainerColumns.layout(300, en, 90, 10).get(0).width(), "capped");
    }
}
