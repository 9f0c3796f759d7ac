package edm.console.health;

import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.OnDemandTrust;
import edm.console.core.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * GET on a health URL: status code, latency and, for https, the days until the server certificate
 * expires. 2xx/3xx is up; slower than the API threshold (SPEC-006: 5 s) is a warning; a certificate
 * expiring within 14 days is a warning, within 3 days (or expired) critical.
 */
public final class HttpProbe {
    static final int CERT_WARN_DAYS = 14;
    static final int CERT_CRITICAL_DAYS = 3;

    private volatile HttpClient client;
    private final Duration timeout;
    private final double slowSeconds;
    private final Clock clock;

    public HttpProbe(Duration timeout, double slowSeconds, Clock clock) {
        this.timeout = timeout;
        this.slowSeconds = slowSeconds;
        this.clock = clock;
    }

    /** One client for every probe, built on the first: a config without health URLs needs none. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    // Health checks must see what a client sees: no redirects followed, no proxy from the environment.
                    client = c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                            .proxy(HttpClient.Builder.NO_PROXY).sslContext(OnDemandTrust.context()).build();
                }
            }
        }
        return c;
    }

    public ProbeResult check(String id, String url) {
        Instant start = clock.now();
        long t0 = System.nanoTime();
        String shownUrl = Secrets.maskUrlPasswords(url);
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .header("User-Agent", "edm-console health probe").build();
            HttpResponse<Void> resp = client().send(req, HttpResponse.BodyHandlers.discarding());
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            int code = resp.statusCode();
            boolean up = code >= 200 && code < 400;
            metrics.put("up", up ? 1.0 : 0.0);
            metrics.put("statusCode", (double) code);
            metrics.put("latencySeconds", latency.toNanos() / 1e9);
            ProbeStatus status = up ? ProbeStatus.OK : ProbeStatus.CRITICAL;
            String value = code + " " + HealthText.millis(latency);
            String error = up ? "" : HealthText.t("health.http.badStatus", code);
            if (up && latency.toNanos() / 1e9 > slowSeconds) {
                status = ProbeStatus.WARNING;
                error = HealthText.t("health.http.slow", HealthText.millis(latency), slowSeconds);
            }
            Long days = certificateDaysLeft(resp.sslSession().orElse(null), start);
            if (days != null) {
                metrics.put("certDaysLeft", (double) days);
                value += " " + HealthText.t("health.http.cert", days);
                if (days <= CERT_CRITICAL_DAYS) {
                    status = ProbeStatus.CRITICAL;
                    error = HealthText.t("health.http.certExpiring", days);
                } else if (days <= CERT_WARN_DAYS && status == ProbeStatus.OK) {
                    status = ProbeStatus.WARNING;
                    error = HealthText.t("health.http.certExpiring", days);
                }
            }
            return new ProbeResult(id, "http", shownUrl, status, value, latency, start, error, metrics);
        } catch (HttpTimeoutException e) {
            return down(id, shownUrl, start, t0, HealthText.t("health.http.timeout", timeout.toSeconds()), metrics);
        } catch (IOException e) {
            return down(id, shownUrl, start, t0, HealthText.oneLine(e), metrics);
        } catch (IllegalArgumentException e) {
            return new ProbeResult(id, "http", shownUrl, ProbeStatus.UNKNOWN, "", Duration.ZERO, start,
                    HealthText.t("health.http.badUrl", shownUrl), metrics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(id, "http", shownUrl, ProbeStatus.UNKNOWN, "", Duration.ZERO, start, "interrupted", metrics);
        }
    }

    private ProbeResult down(String id, String url, Instant start, long t0, String error, Map<String, Double> metrics) {
        metrics.put("up", 0.0);
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        metrics.put("latencySeconds", latency.toNanos() / 1e9);
        return new ProbeResult(id, "http", url, ProbeStatus.CRITICAL, HealthText.t("health.down"), latency, start, error, metrics);
    }

    static Long certificateDaysLeft(SSLSession session, Instant now) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                return Duration.between(now, x.getNotAfter().toInstant()).toDays();
            }
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        return null;
    }
}
