package edm.console.health;

import edm.console.core.Background;
import edm.console.core.Clock;
import edm.console.core.Lane;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * GET on a health URL: status code, latency and, for https, the days until the server certificate
 * expires. 2xx/3xx is up; slower than the API threshold (SPEC-006: 5 s) is a warning; a certificate
 * expiring within 14 days is a warning, within 3 days (or expired) critical.
 *
 * <p>One plain HTTP/1.1 exchange per probe on the JDK's {@link HttpURLConnection}, not java.net.http:
 * a probe is one GET with a deadline, and that client (its selector thread, HTTP/2 machinery and the
 * TLS parameters it computes when built, even for http://) cost `check` a fifth of its CPU. The TLS
 * context is built at the first TLS handshake only ({@link LazyTls}), the trust store read when a
 * server presents its certificate.
 */
public final class HttpProbe {
    static final int CERT_WARN_DAYS = 14;
    static final int CERT_CRITICAL_DAYS = 3;
    /** The most of a response body a probe reads (and discards): the exchange must finish, not be stored. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Duration timeout;
    private final double slowSeconds;
    private final Clock clock;
    private final LazyTls tls = new LazyTls();

    public HttpProbe(Duration timeout, double slowSeconds, Clock clock) {
        this.timeout = timeout;
        this.slowSeconds = slowSeconds;
        this.clock = clock;
    }

    /** Whether any probe of this one needed a TLS context so far (a refused or plain-http probe needs none). */
    boolean tlsBuilt() {
        return tls.built();
    }

    public ProbeResult check(String id, String url) {
        Instant start = clock.now();
        long t0 = System.nanoTime();
        String shownUrl = Secrets.maskUrlPasswords(url);
        Map<String, Double> metrics = new LinkedHashMap<>();
        URL target = httpUrl(url);
        if (target == null) {
            return new ProbeResult(id, "http", shownUrl, ProbeStatus.UNKNOWN, "", Duration.ZERO, start,
                    HealthText.t("health.http.badUrl", shownUrl), metrics);
        }
        AtomicBoolean cut = new AtomicBoolean();
        HttpURLConnection c = null;
        // The whole exchange within the timeout: connect and each read are bounded by their own timeouts,
        // and a server that answers a byte at a time is cut when the deadline passes.
        try (Lane deadline = Background.shared().lane("edm-probe-deadline")) {
            c = open(target);
            HttpURLConnection conn = c;
            deadline.schedule(() -> {
                cut.set(true);
                conn.disconnect();
            }, Math.max(1, timeout.toMillis()));
            conn.connect();
            // Before the answer: once a body-less answer is read the connection is released, its session with it.
            Certificate[] chain = conn instanceof HttpsURLConnection https ? serverCertificates(https) : null;
            int code = conn.getResponseCode();
            if (code < 0) {
                throw new IOException(HealthText.t("health.http.notHttp"));
            }
            readBody(conn, code);
            if (cut.get()) {
                throw new SocketTimeoutException();
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
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
            Long days = certificateDaysLeft(chain, start);
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
        } catch (SocketTimeoutException e) {
            return down(id, shownUrl, start, t0, HealthText.t("health.http.timeout", timeout.toSeconds()), metrics);
        } catch (IOException e) {
            if (cut.get()) {
                return down(id, shownUrl, start, t0, HealthText.t("health.http.timeout", timeout.toSeconds()), metrics);
            }
            if (Thread.currentThread().isInterrupted()) {
                return new ProbeResult(id, "http", shownUrl, ProbeStatus.UNKNOWN, "", Duration.ZERO, start, "interrupted", metrics);
            }
            return down(id, shownUrl, start, t0, HealthText.oneLine(e), metrics);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** The URL when it is an absolute http or https URL with a host; else null. */
    static URL httpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private HttpURLConnection open(URL target) throws IOException {
        // Health checks must see what a client sees: no redirects followed, no proxy from the environment,
        // a fresh connection each time (nothing kept alive between probes).
        HttpURLConnection c = (HttpURLConnection) target.openConnection(Proxy.NO_PROXY);
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        c.setConnectTimeout(millis);
        c.setReadTimeout(millis);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod("GET");
        c.setRequestProperty("User-Agent", "edm-console health probe");
        c.setRequestProperty("Accept", "*/*");
        c.setRequestProperty("Connection", "close");
        return c;
    }

    /** Reads the body to its end (at most {@link #MAX_BODY_BYTES}): an answer that breaks off is not up. */
    private static void readBody(HttpURLConnection c, int code) throws IOException {
        InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buf = new byte[8192];
            int total = 0;
            for (int n; total < MAX_BODY_BYTES && (n = in.read(buf)) >= 0;) {
                total += n;
            }
        }
    }

    private static Certificate[] serverCertificates(HttpsURLConnection c) {
        try {
            return c.getServerCertificates();
        } catch (SSLPeerUnverifiedException | IllegalStateException e) {
            return null;
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
            return certificateDaysLeft(session.getPeerCertificates(), now);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Whole days from {@code now} until the first certificate of the chain expires (negative once expired); null without one. */
    public static Long certificateDaysLeft(Certificate[] chain, Instant now) {
        if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x) {
            return Duration.between(now, x.getNotAfter().toInstant()).toDays();
        }
        return null;
    }
}
