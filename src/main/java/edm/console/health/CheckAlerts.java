package edm.console.health;

import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a scheduled {@code check}: a run is a process of its own, so what was already alerting is
 * kept in a state file between runs, and only changes are sent (a problem that appears fires, one that
 * clears resolves), not the same problem every 5 minutes. Each change goes to the alert log, as the
 * running console's do, and to the webhook, synchronously (the process ends right after).
 */
public final class CheckAlerts {
    private final Path stateFile;

    public CheckAlerts(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** The alert changes between the last run's problems and {@code probes}; the new state is saved. */
    public List<Alert> changes(List<ProbeResult> probes, Instant now) throws IOException {
        Map<String, String[]> before = read();
        Map<String, String[]> after = new LinkedHashMap<>();
        List<Alert> changes = new ArrayList<>();
        for (ProbeResult p : probes) {
            if (p.ok()) {
                continue;
            }
            String key = "check." + p.id();
            Severity sev = p.status() == ProbeStatus.CRITICAL ? Severity.CRITICAL : Severity.WARNING;
            String[] was = before.get(key);
            Instant since = was != null && was[0].equals(sev.name()) ? Instant.parse(was[1]) : now;
            after.put(key, new String[] {sev.name(), since.toString(), p.target()});
            if (was == null || !was[0].equals(sev.name())) {
                String message = p.error().isEmpty() ? p.value() : p.error();
                changes.add(new Alert(key, p.target(), sev, AlertState.FIRING, message, since, now, null, null, null, null));
            }
        }
        for (Map.Entry<String, String[]> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                String[] was = e.getValue();
                changes.add(new Alert(e.getKey(), was[2], Severity.valueOf(was[0]), AlertState.RESOLVED, "", Instant.parse(was[1]),
                        null, now, null, null, null));
            }
        }
        write(after);
        return changes;
    }

    /** POSTs one alert as the running console's webhook does; null when delivered, else the reason. */
    public static String post(String url, Alert a, Duration timeout) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).proxy(HttpClient.Builder.NO_PROXY).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(AlertJson.line(a))).build();
            int code = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return code >= 200 && code < 300 ? null : "HTTP " + code;
        } catch (IOException | IllegalArgumentException e) {
            return HealthText.oneLine(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private Map<String, String[]> read() throws IOException {
        Map<String, String[]> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(stateFile)) {
            return m;
        }
        for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 4);
            if (f.length == 4) {
                try {
                    Severity.valueOf(f[1]);
                    Instant.parse(f[2]);
                    m.put(f[0], new String[] {f[1], f[2], f[3]});
                } catch (RuntimeException torn) {
                    // a line from a crashed write: that problem fires again, which is the safe side
                }
            }
        }
        return m;
    }

    private void write(Map<String, String[]> state) throws IOException {
        StringBuilder b = new StringBuilder();
        state.forEach((k, v) -> b.append(k).append('\t').append(v[0]).append('\t').append(v[1]).append('\t')
                .append(v[2].replaceAll("[\\t\\r\\n]", " ")).append('\n'));
        Files.createDirectories(stateFile.getParent());
        Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(temp, b.toString(), StandardCharsets.UTF_8);
        Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
