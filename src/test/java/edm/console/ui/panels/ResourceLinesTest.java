package edm.console.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.ScreenHarness;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResourceLinesTest {
    private final Messages m = new Messages(Locale.ENGLISH);
    private final Format f = new Format(m, ZoneOffset.UTC);

    private static Style styleOf(List<List<StyledText>> lines, String text) {
        return lines.stream().flatMap(List::stream).filter(t -> t.text().contains(text)).findFirst().orElseThrow(
                () -> new AssertionError(text + " not in " + lines)).style();
    }

    @Test
    void specThresholdsDecideTheStyle() {
        ConsoleConfig.Thresholds t = new ConsoleConfig().thresholds;
        assertEquals(Style.CRITICAL, styleOf(ResourceLines.render(ScreenHarness.host(85.5, 40), t, 100, m, f), "85.5%"));
        assertEquals(Style.WARNING, styleOf(ResourceLines.render(ScreenHarness.host(82, 40), t, 100, m, f), "82.0%"));
        assertEquals(Style.OK, styleOf(ResourceLines.render(ScreenHarness.host(50, 40), t, 100, m, f), "50.0%"));
        assertEquals(Style.CRITICAL, styleOf(ResourceLines.render(ScreenHarness.host(50, 91), t, 100, m, f), "91.0%"));
        assertEquals(Style.OK, styleOf(ResourceLines.render(ScreenHarness.host(50, 80), t, 100, m, f), "80.0%"));
    }

    @Test
    void configuredThresholdsOverrideTheSpec() {
        ConsoleConfig.Thresholds t = new ConsoleConfig.Thresholds();
        t.diskPercent = 70;
        assertEquals(Style.CRITICAL, styleOf(ResourceLines.render(ScreenHarness.host(75, 40), t, 100, m, f), "75.0%"));
    }

    @Test
    void projectFilesystemIsMarkedAndEveryPartIsThere() {
        List<List<StyledText>> lines = ResourceLines.render(ScreenHarness.host(50, 40), new ConsoleConfig().thresholds, 100, m, f);
        String all = lines.stream().flatMap(List::stream).map(StyledText::text).reduce("", String::concat);
        assertTrue(all.contains("[project dir]"));
        assertTrue(all.contains("eth0") && all.contains("1.2 KiB/s"), all);
        assertTrue(all.contains("0.52") && all.contains("3d 4h"), all);
        assertTrue(all.contains("0:") && all.contains("1:"), "per-core: " + all);
        assertEquals(1, lines.stream().filter(l -> l.stream().anyMatch(t -> t.text().contains("[project dir]"))).count());
    }

    @Test
    void beforeTheFirstSampleSaysSo() {
        assertEquals("Sampling host resources...", ResourceLines.render(null, new ConsoleConfig().thresholds, 80, m, f).get(0).get(0).text());
    }
}
