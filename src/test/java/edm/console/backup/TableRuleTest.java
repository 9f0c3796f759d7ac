package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When a dump that reads well still fails verification: no tables, or far fewer than the live database. */
class TableRuleTest {
    @BeforeAll
    static void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aDumpWithNoTablesFailsWhenTheDatabaseHasTables() {
        String p = TableRule.problem(0, 0, 7, 0.5);
        assertTrue(p.contains("no tables (0 entries)") && p.contains("has 7"), p);
        assertTrue(TableRule.problem(3, 0, 1, 0.5).contains("no tables (3 entries)"), "sequences alone are not the database");
    }

    @Test
    void farBelowTheLiveCountFailsAtTheConfiguredShare() {
        assertNull(TableRule.problem(40, 4, 7, 0.5), "4 of 7 is at least half");
        String p = TableRule.problem(30, 3, 7, 0.5);
        assertTrue(p.contains("3 tables") && p.contains("has 7") && p.contains("50 %"), p);
        assertNull(TableRule.problem(30, 3, 7, 0.4), "the share is configurable");
        assertTrue(TableRule.problem(60, 6, 7, 1.0) != null, "1.0: every live table must be in the dump");
        assertNull(TableRule.problem(60, 9, 7, 0.5), "more tables than now (some dropped since) is fine");
    }

    @Test
    void anEmptyDatabaseWithAnEmptyDumpPassesAndAnUnaskableDatabaseNeedsTables() {
        assertNull(TableRule.problem(0, 0, 0, 0.5), "empty is the truth");
        assertNull(TableRule.problem(50, 7, null, 0.5), "tables in the dump; the live count is only noted");
        String p = TableRule.problem(0, 0, null, 0.5);
        assertTrue(p.contains("could not be asked"), p);
    }

    @Test
    void theTableOfContentsCountsEntriesAndTablesButNotTheirDataOrComments() {
        String toc = """
                ;
                ; Archive created at 2026-11-29 10:00:00 UTC
                ;     dbname: edm
                ;
                215; 1259 16386 TABLE public contacts edm
                216; 1259 16390 TABLE public lists edm
                217; 1259 16395 SEQUENCE public lists_id_seq edm
                218; 1259 16400 TABLE public sends_2026 edm
                3340; 0 0 TABLE ATTACH public sends_2026 edm
                3350; 0 16386 TABLE DATA public contacts edm
                3351; 0 16390 TABLE DATA public lists edm
                3352; 2606 16401 CONSTRAINT public contacts contacts_pkey edm
                """;
        PgTools.Contents c = PgTools.Contents.of(toc);
        assertEquals(8, c.entries());
        assertEquals(3, c.tables());
        assertEquals(new PgTools.Contents(0, 0), PgTools.Contents.of(";\n; Archive created at x\n;\n"));
    }
}
