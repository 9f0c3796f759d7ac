package edm.console.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code postgresql://user:password@host:port/db} URL (as in .env.production's DATABASE_URL) split
 * into JDBC parts. The password stays out of {@link #toString()} and of the JDBC URL: it is passed
 * only as a connection property.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(HealthText.t("health.db.noUrl"));
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme();
            if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
                throw new IllegalArgumentException(HealthText.t("health.db.badScheme", scheme));
            }
            String user = "";
            String password = "";
            String info = u.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? "" : decode(info.substring(colon + 1));
            }
            String db = u.getPath() == null || u.getPath().length() <= 1 ? user : u.getPath().substring(1);
            String host = u.getHost() == null ? "localhost" : u.getHost();
            return new DatabaseUrl(host, u.getPort() < 0 ? 5432 : u.getPort(), db, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(HealthText.t("health.db.badUrl", e.getReason()));
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** What the operator may see: no password. */
    public String display() {
        return "postgresql://" + (user.isEmpty() ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }
}
