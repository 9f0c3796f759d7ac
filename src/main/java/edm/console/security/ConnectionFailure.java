package edm.console.security;

import edm.console.i18n.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a request to the site failed, in the operator's words ("connection refused on host:port", "timeout
 * after 5 s", "unknown host", "TLS handshake failed: reason") rather than an exception's class name: the
 * JDK's HTTP client throws a ConnectException without a message for a refused connection.
 */
final class ConnectionFailure {
    private ConnectionFailure() {
    }

    static String describe(IOException e, URI target, Duration timeout) {
        String hostPort = target.getHost() + ":" + port(target);
        // The most telling cause first: java.net.http wraps an unknown host in a ConnectException.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return Messages.t("security.connect.unknownHost", target.getHost());
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException) {
                return Messages.t("security.connect.timeout", hostPort, String.valueOf(timeout.toSeconds()));
            }
            if (c instanceof SSLException) {
                return Messages.t("security.connect.tls", hostPort, rootMessage(c));
            }
            if (c instanceof ConnectException) {
                // Refused is what a ConnectException almost always is; anything else it says in its message.
                String m = c.getMessage();
                return m == null || m.isBlank() || m.toLowerCase(Locale.ROOT).contains("refused") ? Messages.t("security.connect.refused", hostPort)
                        : Messages.t("security.connect.failed", hostPort, m.strip());
            }
        }
        return Messages.t("security.connect.failed", hostPort, rootMessage(e));
    }

    static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The innermost message: a handshake's real reason ("PKIX path building failed", "certificate expired") is in its causes. */
    private static String rootMessage(Throwable e) {
        String m = null;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                m = c.getMessage();
            }
        }
        String line = m == null ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
        // A cause's message often repeats its class ("java.security.cert.CertPathValidatorException: validity check failed").
        return line.replaceFirst("^[a-z]+(\\.[a-zA-Z0-9_$]+)+: ", "");
    }
}
