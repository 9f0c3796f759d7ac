package edm.console.health;

import edm.console.i18n.Messages;
import java.time.Duration;

/** Message helpers for probes: every text an operator reads comes from the health bundle. */
final class HealthText {
    private HealthText() {
    }

    static String t(String key, Object... args) {
        return Messages.t(key, args);
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    static String bytes(long n) {
        return edm.console.i18n.Format.current().bytes(n);
    }

    /** The most telling message of an exception chain, on one line, with URL passwords masked. */
    static String oneLine(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return t("health.refused");
            }
            if (c instanceof java.net.UnknownHostException) {
                return t("health.unknownHost", c.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        if (m == null || m.isBlank()) {
            m = root.getClass().getSimpleName();
        }
        return edm.console.core.Secrets.maskUrlPasswords(m.replaceAll("\\s+", " ").trim());
    }
}
