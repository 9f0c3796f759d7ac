package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS强制跳转 and 安全请求头配置 from a real local HTTP server's responses. */
class HeadersRuleTest {
    @TempDir
    Path project;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A site answering every request with {@code status} and {@code headers}. */
    private String site(int status, Map<String, String> headers) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private List<Finding> check(String url) {
        return check(project, url);
    }

    static List<Finding> check(Path project, String url) {
        SecurityContext base = Fixtures.context(project, project);
        return new HeadersRule().check(new SecurityContext(base.root(), new SecuritySettings(), project, base.envFile(), base.stateDir(),
                Clock.SYSTEM, HostCommands.NONE, base.containers(), Fixtures.STACK, "edm-nginx-prod", "edm_edm-network",
                ContainerCommands.NONE, ImageSource.NONE, List.of(), url, false));
    }

    private static Map<String, ProbeStatus> statuses(List<Finding> f) {
        return f.stream().collect(Collectors.toMap(Finding::rule, Finding::status));
    }

    @Test
    void aHardenedSiteRedirectsAndSendsEveryHeaderAndItsHttpsCertificateIsFarFromExpiry() throws Exception {
        try (SelfSignedSite https = new SelfSignedSite(project, 90, Map.of())) {
            String url = site(301, Map.of("Location", https.url(), "Strict-Transport-Security", "max-age=31536000",
                    "X-Content-Type-Options", "nosniff", "Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'",
                    "Referrer-Policy", "strict-origin-when-cross-origin"));
            List<Finding> f = check(url);
            assertEquals(Set.of(ProbeStatus.OK), Set.copyOf(statuses(f).values()), f.toString());
            assertTrue(Fixtures.only(f, "https.headers.frame").evidence().contains("frame-ancestors"), f.toString());
            // Where the redirect sends visitors: the certificate they meet there.
            assertTrue(Fixtures.only(f, "https.certificate").evidence().contains("certificate expires in 89 days"), f.toString());
        }
    }

    @Test
    void aLooseSiteHasAFindingPerMissingHeader() throws Exception {
        List<Finding> f = check(site(200, Map.of("X-Content-Type-Options", "nosniff")));
        assertEquals(Map.of("https.redirect", ProbeStatus.WARNING, "https.headers.hsts", ProbeStatus.WARNING,
                "https.headers.nosniff", ProbeStatus.OK, "https.headers.frame", ProbeStatus.WARNING,
                "https.headers.referrer", ProbeStatus.WARNING), statuses(f));
        Finding hsts = Fixtures.only(f, "https.headers.hsts");
        assertTrue(hsts.evidence().endsWith("-> 200 has no Strict-Transport-Security"), hsts.evidence());
        assertTrue(hsts.fix().startsWith("add_header Strict-Transport-Security"), hsts.fix());
    }

    @Test
    void anUnreachableSiteIsUnknownNotOk() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<Finding> f = check("http://127.0.0.1:" + port + "/");
        assertEquals(Map.of("https.redirect", ProbeStatus.UNKNOWN, "https.headers", ProbeStatus.UNKNOWN), statuses(f));
    }
}
