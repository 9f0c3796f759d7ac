package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 网络隔离策略 on the engine's inspect data: stack network only, nothing foreign on it, no host network, privilege or socket. */
class NetworksRuleTest {
    private static final String NET = "edm_edm-network";

    @TempDir
    Path project;

    private static ContainerFacts c(String name, List<String> networks, boolean privileged, List<String> mounts) {
        return new ContainerFacts(name, name + ":v1.0", true, List.of(), networks, privileged, mounts);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("isolated", List.of(c("edm-backend-prod", List.of(NET), false, List.of("/opt/edm/logs/backend")),
                        c("peer-1", List.of("bridge"), true, List.of("/var/run/docker.sock"))), Set.of()),
                Arguments.of("foreign joined", List.of(c("intruder", List.of("bridge", NET), false, List.of())),
                        Set.of("networks.foreign.intruder=WARNING")),
                Arguments.of("EDM also elsewhere", List.of(c("edm-redis-prod", List.of(NET, "bridge"), false, List.of())),
                        Set.of("networks.elsewhere.edm-redis-prod=WARNING")),
                Arguments.of("host network", List.of(c("edm-nginx-prod", List.of("host"), false, List.of())),
                        Set.of("networks.host.edm-nginx-prod=CRITICAL")),
                Arguments.of("privileged", List.of(c("edm-backend-prod", List.of(NET), true, List.of())),
                        Set.of("networks.privileged.edm-backend-prod=CRITICAL")),
                Arguments.of("docker socket", List.of(c("edm-backend-prod-old-20261130", List.of(NET), false,
                        List.of("/var/run/docker.sock"))), Set.of("networks.dockerSocket.edm-backend-prod-old-20261130=CRITICAL")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isolation(String what, List<ContainerFacts> containers, Set<String> expected) {
        List<Finding> f = new NetworksRule().check(Fixtures.context(project, project, new SecuritySettings(), HostCommands.NONE,
                ContainerFacts.Listing.of(containers), Clock.SYSTEM));
        Set<String> got = f.stream().filter(x -> x.status() != ProbeStatus.OK).map(x -> x.rule() + "=" + x.status())
                .collect(Collectors.toSet());
        assertEquals(expected, got, what + ": " + f);
        if (expected.isEmpty()) {
            assertEquals(ProbeStatus.OK, Fixtures.only(f, "networks").status());
        }
    }
}
