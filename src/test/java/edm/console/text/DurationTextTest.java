package edm.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void operatorDurations() {
        assertEquals(Duration.ofSeconds(30), DurationText.parse("30s"));
        assertEquals(Duration.ofMinutes(15), DurationText.parse("15m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofDays(1), DurationText.parse("1D"));
        assertEquals(Duration.ofMinutes(15), DurationText.parse("PT15M"));
        for (String bad : new String[] {"", "15", "m", "15x", "1.5h", "PTxM"}) {
            assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
        }
    }
}
