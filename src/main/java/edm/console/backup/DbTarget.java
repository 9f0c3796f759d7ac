package edm.console.backup;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database to back up and how the tools log in. The password is only ever handed to the tools as
 * {@code PGPASSWORD} in their environment; {@link #toString()} and {@link #describe()} never show it.
 *
 * @param host null inside the database container (local socket)
 */
public record DbTarget(String host, int port, String user, String password, String database) {

    /** Parses postgresql://user:password@host:port/db (percent-encoded parts decoded). */
    public static DbTarget fromUrl(String url, String source) {
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() == null || !u.getScheme().startsWith("postgres") || u.getHost() == null) {
                throw new BackupException("backup.error.databaseUrl", source);
            }
            String user = "";
            String password = "";
            if (u.getRawUserInfo() != null) {
                String[] up = u.getRawUserInfo().split(":", 2);
                user = decode(up[0]);
                password = up.length > 1 ? decode(up[1]) : "";
            }
            String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
            if (db.isBlank()) {
                throw new BackupException("backup.error.databaseUrl", source);
            }
            return new DbTarget(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), user, password, decode(db));
        } catch (URISyntaxException e) {
            throw new BackupException("backup.error.databaseUrl", source);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public DbTarget inContainer() {
        return new DbTarget(null, 0, user, password, database);
    }

    public DbTarget withDatabase(String db) {
        return new DbTarget(host, port, user, password, db);
    }

    /** Connection options without the database: -h/-p (host only) and -U. */
    public List<String> connectionArgs() {
        List<String> a = new ArrayList<>();
        if (host != null) {
            a.addAll(List.of("-h", host, "-p", Integer.toString(port)));
        }
        if (user != null && !user.isBlank()) {
            a.addAll(List.of("-U", user));
        }
        a.add("--no-password");
        return a;
    }

    /** The tools' environment: the password, and a connect timeout so an unreachable server fails fast. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        if (password != null && !password.isEmpty()) {
            env.put("PGPASSWORD", password);
        }
        env.put("PGCONNECT_TIMEOUT", "15");
        return env;
    }

    /** user@host:port/db, never the password. */
    public String describe() {
        return (user == null || user.isBlank() ? "" : user + "@") + (host == null ? "local" : host + ":" + port) + "/" + database;
    }

    @Override
    public String toString() {
        return "DbTarget[" + describe() + "]";
    }
}
