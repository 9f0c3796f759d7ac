package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.UnattendedResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnattendedResultsTest {
    @Test
    void resultsSurviveTheProcessTornLinesAreSkippedSecretsMaskedAndDismissRemovesThem(@TempDir Path state) throws Exception {
        UnattendedResults r = new UnattendedResults(state);
        assertEquals(List.of(), r.read(), "no file: nothing to show");
        Instant t = Instant.parse("2026-11-29T09:40:00Z");
        r.add(new UnattendedResult("deploy", "edm-backend-prod v1.1", false, "failed: postgres://edm:hunter2@db/edm refused",
                "ubuntu", "edm-prod", t, t.plusSeconds(40), t.plusSeconds(2)));
        Files.writeString(r.file(), "{\"what\":\"torn", StandardOpenOption.APPEND);
        List<UnattendedResult> read = new UnattendedResults(state).read();
        assertEquals(1, read.size());
        assertEquals("ubuntu", read.get(0).user());
        assertEquals(t.plusSeconds(2), read.get(0).terminalLostAt());
        assertFalse(read.get(0).result().contains("hunter2"), read.get(0).result());
        assertFalse(Files.readString(r.file()).contains("hunter2"), "masked in the file too");
        r.clear();
        assertTrue(r.read().isEmpty());
        assertFalse(Files.exists(r.file()));
    }
}
