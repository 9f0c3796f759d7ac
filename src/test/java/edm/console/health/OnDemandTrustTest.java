package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import edm.console.core.Clock;
import edm.console.core.OnDemandTrust;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP probe reads the trust store only at a handshake (see {@link OnDemandTrust}); its decisions
 * stay the JDK's: an unknown certificate is refused, a trusted one for another host is refused, a
 * trusted one for this host is accepted (with its days left).
 */
class OnDemandTrustTest {
    @TempDir
    Path dir;

    @Test
    void theJdksTrustDecisionsWithTheStoreReadOnlyAtTheHandshake() throws Exception {
        Path good = keyStore("good", "ip:127.0.0.1");
        Path otherHost = keyStore("other", "dns:elsewhere.example");
        assertEquals(ProbeStatus.CRITICAL, probe(good, null).status(), "a self-signed certificate nobody trusts");
        ProbeResult trusted = probe(good, good);
        assertEquals(ProbeStatus.OK, trusted.status(), trusted.toString());
        assertTrue(trusted.metrics().get("certDaysLeft") > 300, trusted.toString());
        ProbeResult wrongHost = probe(otherHost, otherHost);
        assertEquals(ProbeStatus.CRITICAL, wrongHost.status(), "trusted, but for another host: " + wrongHost);
    }

    /** One probe against an https server presenting {@code serverKeys}, trusting {@code trustStore} (null: the JDK's). */
    private ProbeResult probe(Path serverKeys, Path trustStore) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(serverKeys)));
        server.createContext("/", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        String before = System.getProperty("javax.net.ssl.trustStore");
        try {
            if (trustStore != null) {
                System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
                System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            }
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
            return new HttpProbe(Duration.ofSeconds(5), 5, Clock.SYSTEM).check("http:" + url, url);
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.trustStore");
            } else {
                System.setProperty("javax.net.ssl.trustStore", before);
            }
            System.clearProperty("javax.net.ssl.trustStorePassword");
            server.stop(0);
        }
    }

    private static SSLContext serverContext(Path keys) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    /** A PKCS12 store with one self-signed key pair for {@code san}, made by the JDK's keytool. */
    private Path keyStore(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-alias", name, "-keyalg", "EC",
                "-dname", "CN=" + name, "-ext", "san=" + san, "-validity", "400"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return store;
    }
}
