package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ProbeStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The days a real site's certificate has left, read whether or not it is trusted (this one is self-signed). */
class CertificateCheckTest {
    @TempDir
    static Path dir;
    private static SelfSignedSite site;

    @BeforeAll
    static void start() throws Exception {
        site = new SelfSignedSite(dir, 60, Map.of());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0} days on: {1}")
    @CsvSource({"0, OK, expires in 59 days", "35, WARNING, expires in 24 days", "55, CRITICAL, expires in 4 days",
            "61, CRITICAL, expired on"})
    void daysLeftAgainstTheThresholds(int daysOn, ProbeStatus expected, String said) {
        Instant now = Instant.now().plus(Duration.ofDays(daysOn));
        Finding f = CertificateCheck.check(URI.create(site.url()), now, Duration.ofSeconds(5), "edm-nginx-prod");
        assertEquals(expected, f.status(), f.toString());
        assertTrue(f.evidence().startsWith("127.0.0.1:" + URI.create(site.url()).getPort() + ": certificate " + said), f.evidence());
        assertEquals(expected == ProbeStatus.OK ? "" : "renew it: sudo certbot renew, then docker exec edm-nginx-prod nginx -s reload "
                + "(and check the renewal timer)", f.fix());
    }
}
