package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxSeedTest {
    @Test
    void theScriptsLastResultLineSaysWhetherItSeeded() {
        assertEquals(Optional.of(new SandboxSeed.Outcome(true, 1, 252315)), SandboxSeed.parse("\nedm-seed: created 1 252315\n"));
        assertEquals(Optional.of(new SandboxSeed.Outcome(false, 3, 10)), SandboxSeed.parse("edm-seed: present 3 10"));
        assertEquals(Optional.empty(), SandboxSeed.parse("ERROR:  relation \"users\" does not exist\n"));
        assertEquals(Optional.empty(), SandboxSeed.parse(""));
    }

    @Test
    void psqlGetsTheSeedVersionAndReadsTheScriptFromStdinAsTheSandboxUser() {
        List<String> cmd = SandboxSeed.command();
        assertEquals("psql", cmd.get(0));
        assertTrue(cmd.contains("seed_version=" + SandboxSeed.VERSION), cmd.toString());
        assertEquals(List.of("-f", "-"), cmd.subList(cmd.size() - 2, cmd.size()));
        assertEquals(SandboxSpec.DB_USER, cmd.get(cmd.indexOf("-U") + 1));
        assertEquals(SandboxSpec.DB_NAME, cmd.get(cmd.indexOf("-d") + 1));
    }

    @Test
    void theScriptIsDeterministicAndSeedsInOneTransactionBehindItsMarker() throws Exception {
        String sql = SandboxImages.resource(SandboxSeed.SCRIPT);
        String inserts = sql.substring(sql.indexOf("INSERT INTO users"), sql.indexOf("CREATE TABLE edm_sandbox_seed"));
        assertFalse(inserts.contains("random("), "values come from the row number, not random()");
        assertFalse(inserts.contains("now()") || inserts.contains("current_timestamp"), "fixed base times, not the clock");
        assertTrue(sql.indexOf("BEGIN;") < sql.indexOf("DROP TABLE") && sql.indexOf("INSERT INTO edm_sandbox_seed") < sql.indexOf("COMMIT;"),
                "drop, seed and marker commit together");
        assertTrue(sql.contains("\\if :current"), "an up to date marker skips the seed");
        for (String table : List.of("users", "contacts", "lists", "list_members", "templates", "campaigns", "sends", "events")) {
            assertTrue(sql.contains("CREATE TABLE " + table + " ("), table);
        }
    }
}
