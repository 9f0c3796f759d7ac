package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.health.HttpProbe;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * SPEC-006 HTTPS: the days until the site's certificate expires (the health probe's reckoning), a warning
 * under {@link #WARN_DAYS}, critical under {@link #CRITICAL_DAYS} or once expired. SPEC-006 renews by certbot
 * every 60 days of a 90-day certificate: under 30 days left the renewal has already failed once.
 */
final class CertificateCheck {
    static final int WARN_DAYS = 30;
    static final int CRITICAL_DAYS = 7;

    private CertificateCheck() {
    }

    /** @param nginx the container to reload after a renewal, for the fix line */
    static Finding check(URI https, Instant now, Duration timeout, String nginx) {
        String title = Messages.t("security.title.https.certificate");
        String hostPort = https.getHost() + ":" + ConnectionFailure.port(https);
        Certificate[] chain;
        try {
            chain = peerCertificates(https, timeout);
        } catch (IOException e) {
            return Finding.of("https.certificate", ProbeStatus.UNKNOWN, title, ConnectionFailure.describe(e, https, timeout), "");
        } catch (GeneralSecurityException e) {
            return Finding.of("https.certificate", ProbeStatus.UNKNOWN, title, hostPort + ": " + e.getMessage(), "");
        }
        Long days = HttpProbe.certificateDaysLeft(chain, now);
        if (days == null) {
            return Finding.of("https.certificate", ProbeStatus.UNKNOWN, title, Messages.t("security.https.noCertificate", hostPort), "");
        }
        String until = chain[0] instanceof X509Certificate x ? LocalDate.ofInstant(x.getNotAfter().toInstant(), ZoneOffset.UTC).toString() : "";
        boolean expired = chain[0] instanceof X509Certificate x && x.getNotAfter().toInstant().isBefore(now);
        String evidence = expired ? Messages.t("security.https.certExpired", hostPort, until)
                : Messages.t("security.https.certDays", hostPort, String.valueOf(days), until);
        String fix = Messages.t("security.fix.https.certificate", nginx.isEmpty() ? "nginx" : nginx);
        if (expired || days < CRITICAL_DAYS) {
            return Finding.of("https.certificate", ProbeStatus.CRITICAL, title, evidence, fix);
        }
        return days < WARN_DAYS ? Finding.of("https.certificate", ProbeStatus.WARNING, title, evidence, fix)
                : Finding.ok("https.certificate", title, evidence);
    }

    /**
     * The certificates the server presents, whether or not this JDK trusts them: an expired or self-signed
     * certificate must still show its date (the request itself, on the trusting client, says whether it is trusted).
     * Nothing is sent after the handshake.
     */
    private static Certificate[] peerCertificates(URI https, Duration timeout) throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new ReadOnlyTrust()}, null);
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(https.getHost(), ConnectionFailure.port(https)), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, https.getHost(), ConnectionFailure.port(https), false)) {
                s.startHandshake();
                return s.getSession().getPeerCertificates();
            }
        }
    }

    /** Accepts any server certificate: used only to read its dates, never to send anything over the connection. */
    private static final class ReadOnlyTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
