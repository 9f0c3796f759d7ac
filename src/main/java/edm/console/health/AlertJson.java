package edm.console.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.Alert;
import edm.console.core.Secrets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** The one JSON shape of an alert change, used by the alert log and the webhook alike. */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = hostName();

    private AlertJson() {
    }

    public static ObjectNode of(Alert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", "edm-console");
        n.put("host", HOST);
        n.put("rule", a.ruleId());
        n.put("subject", Secrets.maskUrlPasswords(a.subject()));
        n.put("severity", a.severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("state", a.state().name().toLowerCase(java.util.Locale.ROOT));
        n.put("message", Secrets.maskUrlPasswords(a.message()));
        put(n, "since", a.since());
        put(n, "firedAt", a.firedAt());
        put(n, "resolvedAt", a.resolvedAt());
        if (a.acknowledged()) {
            n.put("acknowledgedBy", a.acknowledgedBy());
            n.put("ackNote", a.ackNote() == null ? "" : a.ackNote());
        }
        return n;
    }

    public static String line(Alert a) {
        return of(a).toString();
    }

    private static void put(ObjectNode n, String field, Instant t) {
        if (t != null) {
            n.put(field, t.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
