package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** sandbox up seeds the database with the EDM schema: the same rows everywhere, once, again only for a new seed version. */
@RequiresSandbox
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxSeedIT {
    /** What seed.sql creates, table by table: fixed by the script, so every sandbox has exactly these. */
    static final Map<String, Long> EXPECTED = expected();
    private static SandboxFixture.RunningSandbox sandbox;

    private static Map<String, Long> expected() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("users", 20L);
        m.put("contacts", 40_000L);
        m.put("lists", 30L);
        m.put("list_members", 80_000L);
        m.put("templates", 24L);
        m.put("campaigns", 240L);
        m.put("sends", 60_000L);
        m.put("events", 72_000L);
        m.put("edm_sandbox_seed", 1L);
        return m;
    }

    @BeforeAll
    static void up() {
        sandbox = SandboxFixture.up();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(sandbox.credentials().jdbcUrl(), SandboxSpec.DB_USER, sandbox.credentials().dbPassword());
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String table : EXPECTED.keySet()) {
            m.put(table, Long.parseLong(one(c, "SELECT count(*) FROM " + table)));
        }
        return m;
    }

    @Test
    @Order(1)
    void theDatabaseHoldsTheEdmSchemaWithItsDeterministicRows() throws Exception {
        try (Connection c = connect()) {
            assertEquals(EXPECTED, counts(c));
            assertTrue(EXPECTED.values().stream().mapToLong(Long::longValue).sum() >= 200_000);
            assertEquals(Integer.toString(SandboxSeed.VERSION), one(c, "SELECT version FROM edm_sandbox_seed"));
            assertEquals("252315", one(c, "SELECT total_rows FROM edm_sandbox_seed"));
            // The same values, not only the same counts (a change of seed.sql must bump SandboxSeed.VERSION).
            assertEquals("a50cd04556a95e01cf8555d4a9fe8e48",
                    one(c, "SELECT md5(string_agg(id || ':' || email || ':' || status, ',' ORDER BY id)) FROM contacts"));
            assertEquals("227843ddfd37afd6ed761e8118d6ee3e", one(c,
                    "SELECT md5(string_agg(send_id || ':' || type || ':' || extract(epoch FROM occurred_at)::bigint, ',' ORDER BY id)) FROM events"));
            assertEquals("10", one(c, "SELECT count(*) FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY' "
                    + "AND table_schema = 'public'"));
            assertTrue(Long.parseLong(one(c, "SELECT pg_database_size(current_database())")) > 30L * 1024 * 1024,
                    "a few tens of MB, so that backups do real work");
        }
    }

    @Test
    @Order(2)
    void aSecondUpLeavesTheSeededDataAlone() throws Exception {
        String seededAt;
        try (Connection c = connect()) {
            seededAt = one(c, "SELECT seeded_at FROM edm_sandbox_seed");
        }
        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add), String.join("\n", out));
        assertTrue(out.contains("Database edm_sandbox already holds the EDM sample data (seed version " + SandboxSeed.VERSION
                + ", 252,315 rows); left as it is."), String.join("\n", out));
        try (Connection c = connect()) {
            assertEquals(seededAt, one(c, "SELECT seeded_at FROM edm_sandbox_seed"));
            assertEquals(EXPECTED, counts(c));
        }
    }

    @Test
    @Order(3)
    void anOlderSeedVersionIsReplacedAndTablesTheSeedDoesNotOwnSurvive() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS seed_it_bystander");
            st.execute("CREATE TABLE seed_it_bystander AS SELECT g AS id FROM generate_series(1, 5) g");
            st.execute("UPDATE edm_sandbox_seed SET version = 0");
            st.execute("DELETE FROM events WHERE id > 70000");
        }
        try {
            List<String> out = new ArrayList<>();
            assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add), String.join("\n", out));
            assertTrue(out.stream().anyMatch(l -> l.startsWith("Seeded database edm_sandbox with the EDM sample data: 252,315 rows (seed version "
                    + SandboxSeed.VERSION + ")")), String.join("\n", out));
            try (Connection c = connect()) {
                assertEquals(EXPECTED, counts(c));
                assertEquals(Integer.toString(SandboxSeed.VERSION), one(c, "SELECT version FROM edm_sandbox_seed"));
                assertEquals("5", one(c, "SELECT count(*) FROM seed_it_bystander"));
            }
        } finally {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS seed_it_bystander");
            }
        }
    }
}
