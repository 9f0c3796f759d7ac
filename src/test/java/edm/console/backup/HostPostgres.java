package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The host PostgreSQL that .ci/run starts on 127.0.0.1:5432. Test databases and roles are made with psql
 * as the postgres OS user (runuser), the way an admin would; skipped when there is no server, failed
 * instead on CI.
 */
final class HostPostgres {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;

    private HostPostgres() {
    }

    static void assumeRunning() {
        int code = run(List.of("pg_isready", "-q", "-h", HOST, "-p", Integer.toString(PORT)), null);
        if (code != 0) {
            String msg = "no PostgreSQL on " + HOST + ":" + PORT + " (start it as .ci/run does: pg_ctlcluster <ver> main start)";
            if ("true".equals(System.getenv("CI")) || "1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
    }

    /** Runs SQL as the postgres superuser (peer auth through runuser). */
    static void superuserSql(String database, String... statements) {
        for (String sql : statements) {
            int code = run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql), null);
            assertEquals(0, code, "psql as postgres: " + sql);
        }
    }

    /** A fresh role (LOGIN CREATEDB, not superuser) owning a fresh database. */
    static void createUserAndDatabase(String user, String password, String db) {
        superuserSql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + user,
                "CREATE ROLE " + user + " LOGIN CREATEDB PASSWORD '" + password + "'", "CREATE DATABASE " + db + " OWNER " + user);
    }

    static void dropUserAndDatabase(String user, String db) {
        superuserSql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        for (String other : databasesOwnedBy(user)) {
            superuserSql("postgres", "DROP DATABASE IF EXISTS \"" + other + "\" WITH (FORCE)");
        }
        superuserSql("postgres", "DROP ROLE IF EXISTS " + user);
    }

    /** Databases the role owns (a scratch database a drill failed to drop would show up here). */
    static List<String> databasesOwnedBy(String user) {
        try {
            Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-d", "postgres", "-c",
                    "SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '" + user + "')").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static int run(List<String> argv, String stdin) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            if (p.exitValue() != 0) {
                System.out.println("[host-postgres] " + String.join(" ", argv) + ": " + out.strip());
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
