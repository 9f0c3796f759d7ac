package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A failed request to the site named by its cause in words, in both languages, never by an exception's class. */
class ConnectionFailureTest {
    private static final URI SITE = URI.create("https://tkmail.fun/");

    @TempDir
    Path project;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static IOException failure(String kind) {
        return switch (kind) {
            // What java.net.http throws for a refused connection: no message at all.
            case "refused" -> new ConnectException();
            case "unknownHost" -> (IOException) new ConnectException().initCause(new UnknownHostException("tkmail.fun"));
            case "timeout" -> new HttpConnectTimeoutException("HTTP connect timed out");
            case "tls" -> (IOException) new SSLHandshakeException("PKIX path building failed")
                    .initCause(new IOException("sun.security.validator.ValidatorException: unable to find valid certification path"));
            default -> new IOException("Connection reset");
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "refused     | en    | connection refused on tkmail.fun:443",
        "refused     | zh-CN | tkmail.fun:443 拒绝连接",
        "unknownHost | en    | unknown host tkmail.fun",
        "unknownHost | zh-CN | 未知主机 tkmail.fun",
        "timeout     | en    | timeout after 5 s on tkmail.fun:443",
        "timeout     | zh-CN | tkmail.fun:443 在 5 秒后超时",
        "tls         | en    | TLS handshake failed on tkmail.fun:443: unable to find valid certification path",
        "tls         | zh-CN | tkmail.fun:443 的 TLS 握手失败：unable to find valid certification path",
        "other       | en    | cannot connect to tkmail.fun:443: Connection reset"})
    void eachCauseInWords(String kind, String lang, String expected) {
        Messages.use(Locale.forLanguageTag(lang));
        assertEquals(expected, ConnectionFailure.describe(failure(kind), SITE, Duration.ofSeconds(5)));
    }

    @Test
    void aRealRefusedConnectionAndARealFailedHandshakeThroughTheRule() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Finding refused = Fixtures.only(HeadersRuleTest.check(project, "http://127.0.0.1:" + closed + "/"), "https.headers");
        assertEquals("GET http://127.0.0.1:" + closed + "/: connection refused on 127.0.0.1:" + closed, refused.evidence());
        // A server that speaks plain HTTP at once to whatever connects, as an http port does to a TLS client.
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket c = plain.accept()) {
                        c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            answer.setDaemon(true);
            answer.start();
            int port = plain.getLocalPort();
            List<Finding> f = HeadersRuleTest.check(project, "https://127.0.0.1:" + port + "/");
            // The JDK's own reason follows (its wording differs between versions): the cause, not an exception's name.
            String said = "TLS handshake failed on 127.0.0.1:" + port + ": ";
            String headers = Fixtures.only(f, "https.headers").evidence();
            assertTrue(headers.startsWith("GET https://127.0.0.1:" + port + "/: " + said) && headers.contains("SSL message"), headers);
            String cert = Fixtures.only(f, "https.certificate").evidence();
            assertTrue(cert.startsWith(said) && cert.contains("SSL message") && !cert.contains("Exception"), cert);
        }
    }
}
