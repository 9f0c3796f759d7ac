package edm.console.health;

import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real PostgreSQL connection (JDBC) running a trivial query, plus connections in use against
 * max_connections (warning at 80 %, critical at 95 %) and the database size.
 */
public final class PostgresProbe {
    private final Duration timeout;
    private final Clock clock;

    public PostgresProbe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    public ProbeResult check(String id, DatabaseUrl db) {
        Instant start = clock.now();
        long t0 = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        int secs = (int) Math.max(1, timeout.toSeconds());
        props.setProperty("connectTimeout", Integer.toString(secs));
        props.setProperty("loginTimeout", Integer.toString(secs));
        props.setProperty("socketTimeout", Integer.toString(secs));
        props.setProperty("ApplicationName", "edm-console");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props); Statement st = c.createStatement()) {
            st.setQueryTimeout(secs);
            st.execute("select 1");
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            long used = single(st, "select count(*) from pg_stat_activity");
            long max = single(st, "select setting::bigint from pg_settings where name = 'max_connections'");
            long size = single(st, "select pg_database_size(current_database())");
            double pct = max > 0 ? 100.0 * used / max : 0;
            metrics.put("up", 1.0);
            metrics.put("latencySeconds", latency.toNanos() / 1e9);
            metrics.put("connections", (double) used);
            metrics.put("maxConnections", (double) max);
            metrics.put("connectionsPercent", pct);
            metrics.put("sizeBytes", (double) size);
            ProbeStatus status = pct >= 95 ? ProbeStatus.CRITICAL : pct >= 80 ? ProbeStatus.WARNING : ProbeStatus.OK;
            String error = status == ProbeStatus.OK ? "" : HealthText.t("health.db.manyConnections", used, max);
            String value = HealthText.t("health.db.value", used, max, HealthText.bytes(size), HealthText.millis(latency));
            return new ProbeResult(id, "postgres", db.display(), status, value, latency, start, error, metrics);
        } catch (SQLException e) {
            metrics.put("up", 0.0);
            return new ProbeResult(id, "postgres", db.display(), ProbeStatus.CRITICAL, HealthText.t("health.down"),
                    Duration.ofNanos(System.nanoTime() - t0), start, reason(e, db), metrics);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The driver's message, with the password removed in case a server echoes it. */
    static String reason(SQLException e, DatabaseUrl db) {
        String m = HealthText.oneLine(e);
        if (!db.password().isEmpty()) {
            m = m.replace(db.password(), edm.console.core.Secrets.MASK);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if ("28P01".equals(state) || "28000".equals(state)) {
            return HealthText.t("health.db.authFailed", db.user(), db.display());
        }
        if (state.startsWith("08")) {
            return HealthText.t("health.db.cannotConnect", db.display(), m);
        }
        return m;
    }
}
