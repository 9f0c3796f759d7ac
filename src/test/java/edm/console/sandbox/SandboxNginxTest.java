package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.logs.AccessEntry;
import edm.console.logs.AccessLogParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox nginx's files in the project dir: what nginx.conf routes, the upstream includes, who owns them. */
class SandboxNginxTest {
    @TempDir
    Path tmp;

    @Test
    void upstreamIncludeNamesTheServicesContainerNotItsSharedAlias() {
        assertEquals("""
                upstream edm_backend {
                    server edm-backend-sandbox:8002;
                }
                """, body(SandboxNginx.defaultUpstream("backend")));
        assertEquals("""
                upstream edm_frontend {
                    server edm-frontend-sandbox:8001;
                }
                """, body(SandboxNginx.defaultUpstream("frontend")));
        assertEquals("nginx/upstreams/backend.conf", SandboxNginx.upstreamFile("backend"));
    }

    @Test
    void upstreamHostReadsTheServerLineAsADeployWritesIt() {
        assertEquals(Optional.of("edm-backend-sandbox"), SandboxNginx.upstreamHost(SandboxNginx.defaultUpstream("backend")));
        assertEquals(Optional.of("edm-backend-sandbox-next"),
                SandboxNginx.upstreamHost("upstream edm_backend {\n  server   edm-backend-sandbox-next:8002 max_fails=0;\n}\n"));
        assertEquals(Optional.of("10.0.0.5"), SandboxNginx.upstreamHost("upstream edm_backend { \nserver 10.0.0.5;\n}"));
        assertEquals(Optional.empty(), SandboxNginx.upstreamHost("# server edm-backend-sandbox:8002;\nupstream edm_backend {\n}\n"));
        assertEquals(Optional.empty(), SandboxNginx.upstreamHost(""));
    }

    @Test
    void mainConfigRoutesApiToTheBackendAndTheRestToTheFrontendThroughOneIncludePerService() {
        String conf = SandboxNginx.mainConfig();
        assertTrue(conf.contains("include /etc/nginx/edm/upstreams/backend.conf;"), conf);
        assertTrue(conf.contains("include /etc/nginx/edm/upstreams/frontend.conf;"), conf);
        assertEquals("edm_backend", proxyPassOf(conf, "location /api/"));
        assertEquals("edm_backend", proxyPassOf(conf, "location = /api"));
        assertEquals("edm_frontend", proxyPassOf(conf, "location /"));
        assertTrue(conf.contains("location = /nginx-health {\n            access_log off;"), conf);
        assertTrue(conf.contains("access_log /var/log/nginx/access.log edm;") && conf.contains("access_log /dev/stdout edm;"), conf);
        assertTrue(conf.contains("error_log /var/log/nginx/error.log notice;") && conf.contains("error_log stderr notice;"), conf);
        assertEquals(count(conf, '{'), count(conf, '}'), "balanced braces");
    }

    @Test
    void theAccessLogFormatIsWhatTheConsolesParserReadsWithTheRequestTime() {
        Matcher m = Pattern.compile("log_format edm '([^']*)'\\s*'([^']*)';").matcher(SandboxNginx.mainConfig());
        assertTrue(m.find(), "log_format edm");
        String format = m.group(1) + m.group(2);
        String line = format.replace("$request_time", "2.004").replace("$remote_addr", "203.0.113.7").replace("$remote_user", "-")
                .replace("$time_local", "01/Dec/2026:15:41:35 +0000").replace("$request", "GET /api/users HTTP/1.1")
                .replace("$status", "502").replace("$body_bytes_sent", "157").replace("$http_referer", "-")
                .replace("$http_user_agent", "curl/8.4.0");
        assertEquals("203.0.113.7 - - [01/Dec/2026:15:41:35 +0000] \"GET /api/users HTTP/1.1\" 502 157 \"-\" \"curl/8.4.0\" rt=2.004", line);
        AccessEntry e = AccessLogParser.parse(line);
        assertEquals(502, e.status());
        assertEquals(2.004, e.requestTimeSeconds(), 1e-9);
    }

    @Test
    void prepareWritesTheConfigEveryTimeButTheUpstreamsOnlyWhenMissing() throws Exception {
        SandboxProject p = new SandboxProject(tmp.resolve("sb"));
        p.prepare();
        assertTrue(p.nginxConfigChanged(), "first up writes nginx/");
        assertEquals(SandboxNginx.mainConfig(), Files.readString(p.dir().resolve("nginx/nginx.conf")));
        for (String service : List.of("backend", "frontend")) {
            assertEquals(SandboxNginx.defaultUpstream(service), Files.readString(p.dir().resolve("nginx/upstreams/" + service + ".conf")));
        }
        assertTrue(Files.isDirectory(p.dir().resolve("nginx/ssl")));

        p.prepare();
        assertFalse(p.nginxConfigChanged(), "nothing to reload when nothing changed");

        Path backend = p.dir().resolve("nginx/upstreams/backend.conf");
        String deployed = SandboxNginx.upstreamText("backend", "edm-backend-sandbox-next", 8002);
        Files.writeString(backend, deployed);
        Files.writeString(p.dir().resolve("nginx/nginx.conf"), "# edited\n");
        p.prepare();
        assertEquals(deployed, Files.readString(backend), "a deploy's switch survives sandbox up");
        assertEquals(SandboxNginx.mainConfig(), Files.readString(p.dir().resolve("nginx/nginx.conf")));
        assertTrue(p.nginxConfigChanged());

        p.resetUpstream("backend");
        assertEquals(SandboxNginx.defaultUpstream("backend"), Files.readString(backend));
    }

    @Test
    void nginxGetsItsConfigDirReadOnlyAndItsLogsDirAsMountsNotSingleFiles() {
        assertEquals(List.of(new SandboxStack.Mount("nginx", "/etc/nginx/edm", true),
                new SandboxStack.Mount("logs/nginx", "/var/log/nginx", false)), SandboxStack.mounts("nginx"));
    }

    @Test
    void theNginxImageIsDebiansOnTheBaseImageAndANewBasePackageListMakesItsUsersStale() {
        ImageRecipe nginx = ImageRecipe.all().stream().filter(r -> r.image().equals("edm-nginx:v1.0")).findFirst().orElseThrow();
        assertTrue(nginx.baseImage() && !nginx.busybox(), nginx.toString());
        assertEquals("nginx", nginx.resources());
        assertTrue(BaseImageBuilder.PACKAGES.containsAll(List.of("nginx", "curl", "postgresql-15", "redis-server")));
        // The base image's recipe label is a hash of its package list: the nginx-less base of before is stale.
        assertTrue(BaseImageBuilder.fingerprint().matches("[0-9a-f]{16}"));
        ImageRecipe sameFilesOwnBase = new ImageRecipe(nginx.image(), nginx.resources(), nginx.files(), nginx.buildArgs(), false, false);
        assertNotEquals(sameFilesOwnBase.fingerprint(), nginx.fingerprint(), "the base's fingerprint is part of its users'");
    }

    private static String body(String upstreamFile) {
        return upstreamFile.lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat);
    }

    private static String proxyPassOf(String conf, String location) {
        int at = conf.indexOf(location + " {");
        assertTrue(at >= 0, location);
        Matcher m = Pattern.compile("proxy_pass http://(\\w+);").matcher(conf.substring(at));
        assertTrue(m.find(), location);
        return m.group(1);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
