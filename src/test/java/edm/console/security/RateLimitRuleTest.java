package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import edm.console.sandbox.SandboxNginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API访问限流 from nginx -T's output (canned here; the real one comes through docker exec): which limit_req reaches /api. */
class RateLimitRuleTest {
    @TempDir
    Path project;

    private Finding check(ContainerCommands exec) {
        SecurityContext base = Fixtures.context(project, project);
        SecurityContext ctx = new SecurityContext(base.root(), new SecuritySettings(), project, base.envFile(), base.stateDir(), Clock.SYSTEM,
                HostCommands.NONE, base.containers(), Fixtures.STACK, "edm-nginx-prod", "edm_edm-network", exec, ImageSource.NONE, List.of(), "", false);
        return Fixtures.only(new RateLimitRule().check(ctx), "ratelimit");
    }

    private static ContainerCommands nginxT(String fixture) throws Exception {
        String text = Files.readString(Fixtures.resource("nginx/" + fixture + ".txt"));
        return (container, argv) -> container.equals("edm-nginx-prod") && argv.equals(List.of("nginx", "-T"))
                ? new HostCommands.Output(0, text, "") : new HostCommands.Output(1, "", "wrong call " + container + " " + argv);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limited, OK, /etc/nginx/conf.d/edm.conf:7 limit_req zone=api burst=20 nodelay;",
        "serverLevel, OK, /etc/nginx/nginx.conf:5 limit_req zone=all burst=40;",
        "frontOnly, WARNING, ''"})
    void theLimitThatReachesTheApi(String fixture, ProbeStatus expected, String evidence) throws Exception {
        Finding f = check(nginxT(fixture));
        assertEquals(expected, f.status(), f.toString());
        if (expected == ProbeStatus.OK) {
            assertEquals(evidence, f.evidence());
        } else {
            assertTrue(f.fix().contains("limit_req zone=api"), f.fix());
        }
    }

    @Test
    void noNginxIsUnknownWithTheReason() {
        Finding f = check((c, argv) -> new HostCommands.Output(-1, "", "No such container: edm-nginx-prod"));
        assertEquals(ProbeStatus.UNKNOWN, f.status());
        assertTrue(f.evidence().contains("No such container"), f.evidence());
    }

    @Test
    void theSandboxNginxLimitsItsApi() {
        // As nginx -T prints it: the file's name, then its text.
        String text = "# configuration file /etc/nginx/nginx.conf:\n" + SandboxNginx.mainConfig();
        Finding f = check((container, argv) -> new HostCommands.Output(0, text, ""));
        assertEquals(ProbeStatus.OK, f.status(), f.toString());
        assertTrue(f.evidence().contains("limit_req zone=edm_api burst=400 nodelay;"), f.evidence());
    }
}
