package edm.console.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.core.HealthSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLinesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static ProbeResult probe(String id, String kind) {
        return new ProbeResult(id, kind, id, ProbeStatus.UNKNOWN, "", Duration.ZERO, NOW, "not connected yet", Map.of());
    }

    private static StyledText only(HealthSnapshot h, Messages m) {
        List<List<StyledText>> lines = AlertLines.render(h, 0, NOW, m, new Format(m, ZoneOffset.UTC));
        assertEquals(1, lines.size());
        return lines.get(0).get(0);
    }

    @Test
    void noAlertIsAllClearOnlyOnceTheNetworkProbesHaveRun() {
        for (Locale lang : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Messages m = new Messages(lang);
            // At start-up: nothing evaluated, or only the container probes of the engine's first snapshot.
            for (HealthSnapshot early : List.of(HealthSnapshot.empty(),
                    new HealthSnapshot(List.of(probe("container:edm-backend-prod", "container")), Map.of(), List.of(), 0))) {
                StyledText t = only(early, m);
                assertEquals(m.get("alerts.checking"), t.text(), lang + ": nothing is 'within thresholds' before it is checked");
                assertEquals(Style.MUTED, t.style());
            }
            HealthSnapshot checked = new HealthSnapshot(List.of(probe("container:edm-backend-prod", "container"),
                    probe("postgres", "postgres"), probe("redis", "redis")), Map.of(), List.of(), 0);
            assertEquals(new StyledText(m.get("alerts.none"), Style.OK), only(checked, m), lang.toString());
        }
    }
}
