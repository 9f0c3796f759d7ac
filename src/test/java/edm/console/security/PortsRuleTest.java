package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.PortMapping;
import edm.console.core.ProbeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Public listeners from a fixture /proc/net/tcp{,6}, and the containers' published ports against the port plan. */
class PortsRuleTest {
    @TempDir
    Path project;

    private static ContainerFacts container(String name, PortMapping... ports) {
        return new ContainerFacts(name, name + ":v1.0", true, List.of(ports), List.of("edm_edm-network"), false, List.of());
    }

    private static PortMapping port(String ip, int host, int inside) {
        return new PortMapping(ip, host, inside, "tcp");
    }

    private List<Finding> check(String tree, List<ContainerFacts> containers) {
        return new PortsRule().check(Fixtures.context(Fixtures.resource("ports/" + tree), project, new SecuritySettings(),
                HostCommands.NONE, ContainerFacts.Listing.of(containers), Clock.SYSTEM));
    }

    private static Set<String> problems(List<Finding> f) {
        return f.stream().filter(x -> x.status() != ProbeStatus.OK).map(x -> x.rule() + "=" + x.status()).collect(Collectors.toSet());
    }

    @Test
    void onlyAllowedPortsOnPublicAddressesAndLoopbackIsFine() {
        assertEquals(Set.of(), problems(check("closed", List.of())));
        List<Finding> open = check("open", List.of());
        // 5432 on 0.0.0.0 and on :: is one finding; 22 and 443 are allowed; 127.0.0.1, ::1 and ::ffff:127.0.0.1 are not public.
        assertEquals(Set.of("ports.public.5432=WARNING"), problems(open));
        Finding pg = Fixtures.only(open, "ports.public.5432");
        assertTrue(pg.evidence().contains("0.0.0.0:5432") && pg.evidence().contains("[::]:5432"), pg.evidence());
    }

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("spec layout", List.of(container("edm-backend-prod", port("127.0.0.1", 8002, 8002)),
                        container("edm-nginx-prod", port("0.0.0.0", 80, 80), port("0.0.0.0", 443, 443)),
                        container("gloda-channel", port("127.0.0.1", 7001, 7001))), Set.of()),
                Arguments.of("backend on every address", List.of(container("edm-backend-prod", port("0.0.0.0", 8002, 8002))),
                        Set.of("ports.loopback.edm-backend-prod=CRITICAL")),
                Arguments.of("EDM outside its range", List.of(container("edm-redis-prod", port("127.0.0.1", 6379, 6379))),
                        Set.of("ports.range.edm-redis-prod=WARNING")),
                Arguments.of("foreign in EDM's range", List.of(container("gloda-channel", port("127.0.0.1", 8050, 80))),
                        Set.of("ports.range.gloda-channel=WARNING")),
                Arguments.of("a blue-green new container is EDM", List.of(
                        container("edm-backend-prod-new-20261201", port("127.0.0.1", 8012, 8002))), Set.of()),
                Arguments.of("port published twice", List.of(container("edm-backend-prod", port("127.0.0.1", 8002, 8002)),
                        container("edm-frontend-prod", port("::1", 8002, 8001))), Set.of("ports.duplicate.8002=WARNING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void publishedPortsFollowThePlan(String what, List<ContainerFacts> containers, Set<String> expected) {
        List<Finding> f = check("closed", containers);
        assertEquals(expected, problems(f), what + ": " + f);
    }

    @Test
    void noEngineIsUnknownNotOk() {
        List<Finding> f = new PortsRule().check(Fixtures.context(Fixtures.resource("ports/closed"), project, new SecuritySettings(),
                HostCommands.NONE, ContainerFacts.Listing.unavailable("connection refused"), Clock.SYSTEM));
        Finding c = Fixtures.only(f, "ports.containers");
        assertEquals(ProbeStatus.UNKNOWN, c.status());
        assertTrue(c.evidence().contains("connection refused"), c.evidence());
    }
}
