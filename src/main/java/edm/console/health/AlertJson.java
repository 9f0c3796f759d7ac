package edm.console.health;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import edm.console.core.Alert;
import edm.console.core.Secrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;

/**
 * The one JSON shape of an alert change, used by the alert log and the webhook alike. Written with
 * jackson-core's generator: databind's mapper (some 450 classes) was loaded into the running console
 * only for this line.
 */
public final class AlertJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String HOST = hostName();

    private AlertJson() {
    }

    /** The alert change as one line of JSON (no line break). */
    public static String line(Alert a) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", "edm-console");
            g.writeStringField("host", HOST);
            if (!a.host().isEmpty()) {
                // The engine the alert is about, by its configured name, when the console watches several.
                g.writeStringField("engine", a.host());
            }
            g.writeStringField("rule", a.ruleId());
            g.writeStringField("subject", Secrets.maskUrlPasswords(a.subject()));
            g.writeStringField("severity", a.severity().name().toLowerCase(Locale.ROOT));
            g.writeStringField("state", a.state().name().toLowerCase(Locale.ROOT));
            g.writeStringField("message", Secrets.maskUrlPasswords(a.message()));
            time(g, "since", a.since());
            time(g, "firedAt", a.firedAt());
            time(g, "resolvedAt", a.resolvedAt());
            if (a.acknowledged()) {
                g.writeStringField("acknowledgedBy", a.acknowledgedBy());
                g.writeStringField("ackNote", a.ackNote() == null ? "" : a.ackNote());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        if (t != null) {
            g.writeStringField(field, t.toString());
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
