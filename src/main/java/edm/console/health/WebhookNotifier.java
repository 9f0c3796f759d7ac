package edm.console.health;

import edm.console.core.Alert;
import edm.console.core.Background;
import edm.console.core.Lane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * POSTs each alert change as JSON to the configured URL, on a lane of the shared {@link Background} (no thread of its own while idle), retrying with doubling
 * back-off (1 s, 2 s, 4 s, ...) up to {@link #MAX_ATTEMPTS} times. {@link #send} never blocks the
 * caller; when too many deliveries are pending, new ones are dropped and reported rather than
 * queued without bound.
 */
public final class WebhookNotifier implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_PENDING = 100;

    private final URI url;
    private final Duration firstDelay;
    private final Consumer<String> onFailure;
    private final Duration timeout;
    /**
     * Built on the webhook lane at the first alert: the JDK's HTTP client sets up TLS, which start-up does not
     * need. The lane runs one task at a time, each after the last (its lock orders them), so no more locking.
     */
    private HttpClient http;
    private final Lane lane = Background.shared().lane("edm-webhook");
    private final AtomicInteger pending = new AtomicInteger();

    public WebhookNotifier(String url, Duration timeout, Duration firstDelay, Consumer<String> onFailure) {
        this.url = URI.create(url);
        this.firstDelay = firstDelay;
        this.onFailure = onFailure;
        this.timeout = timeout;
    }

    public void send(Alert a) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            onFailure.accept(HealthText.t("webhook.dropped", a.ruleId(), a.subject()));
            return;
        }
        if (lane.closed()) {
            pending.decrementAndGet();
            return;
        }
        // The body is built on the webhook lane too: even a slow host-name lookup must not block the caller.
        lane.execute(() -> attempt(AlertJson.line(a), a, 1));
    }

    /** Only ever called on the webhook lane. */
    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).proxy(HttpClient.Builder.NO_PROXY).build();
        }
        return http;
    }

    private void attempt(String body, Alert a, int n) {
        String why;
        try {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(firstDelay.multipliedBy(10).plusSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int code = client().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code >= 200 && code < 300) {
                pending.decrementAndGet();
                return;
            }
            why = "HTTP " + code;
        } catch (IOException e) {
            why = HealthText.oneLine(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
            return;
        }
        if (n >= MAX_ATTEMPTS) {
            pending.decrementAndGet();
            onFailure.accept(HealthText.t("webhook.failed", a.ruleId(), a.subject(), n, why));
            return;
        }
        long delay = firstDelay.toMillis() << (n - 1);
        if (lane.closed()) {
            pending.decrementAndGet();
            onFailure.accept(HealthText.t("webhook.failed", a.ruleId(), a.subject(), n, why));
            return;
        }
        lane.schedule(() -> attempt(body, a, n + 1), delay);
    }

    @Override
    public void close() {
        lane.close();
    }
}
