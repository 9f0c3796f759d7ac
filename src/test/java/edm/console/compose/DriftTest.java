package edm.console.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.i18n.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriftTest {
    static final ComposeModel MODEL = new ComposeModel(Path.of("/opt/edm/docker-compose.yml"), Path.of("/opt/edm/.env.production"), "edm",
            List.of(new ComposeModel.Service("backend", "edm-backend:${BACKEND_TAG}", "edm-backend:v1.1", 3, "edm-backend-prod", List.of(),
                            List.of()),
                    new ComposeModel.Service("redis", "edm-redis", "edm-redis", 9, "", List.of(), List.of())),
            Map.of(), Set.of());

    static ContainerInfo container(String name, String image, Map<String, String> labels) {
        return new ContainerInfo(name + "-id", name, image, ContainerStatus.RUNNING, HealthStatus.NONE, null, null, 0, List.of(), labels);
    }

    static Map<String, String> compose(String service) {
        return Map.of(ComposeLabels.PROJECT, "edm", ComposeLabels.SERVICE, service, ComposeLabels.ONE_OFF, "False");
    }

    static final ContainerInfo BACKEND = container("edm-backend-prod", "edm-backend:v1.1", compose("backend"));
    static final ContainerInfo REDIS = container("edm_redis_1", "edm-redis:latest", compose("redis"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all as the file says", List.of(BACKEND, REDIS), List.of()),
                Arguments.of("another tag running", List.of(container("edm-backend-prod", "edm-backend:v1.2", compose("backend")), REDIS),
                        List.of("edm-backend-prod: runs edm-backend:v1.2, the compose file says edm-backend:v1.1")),
                Arguments.of("no container for a service", List.of(REDIS),
                        List.of("service backend: no container edm-backend-prod (the compose file wants edm-backend:v1.1)")),
                Arguments.of("a stray docker run into the project",
                        List.of(BACKEND, REDIS, container("stray", "busybox", Map.of(ComposeLabels.PROJECT, "edm"))),
                        List.of("stray: container of compose project edm that the compose file does not name")),
                Arguments.of("a second container of a service (compose would remove it)",
                        List.of(BACKEND, REDIS, container("edm-backend-prod-old-1", "edm-backend:v1.0", compose("backend"))),
                        List.of("edm-backend-prod-old-1: container of compose project edm that the compose file does not name")),
                Arguments.of("other projects, one-off runs and unlabelled containers are not drift",
                        List.of(BACKEND, REDIS, container("x", "a", Map.of(ComposeLabels.PROJECT, "other")),
                                container("run", "a", Map.of(ComposeLabels.PROJECT, "edm", ComposeLabels.ONE_OFF, "True")),
                                container("plain", "a", Map.of())),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhereEngineAndFileDisagree(String name, List<ContainerInfo> containers, List<String> expected) {
        DriftReport r = new DriftReport(MODEL.file().toString(), "edm", Drift.of(MODEL, containers), "");
        List<String> reasons = new ArrayList<>();
        r.findings().forEach(f -> reasons.add(r.reason(f, new Messages(Locale.ENGLISH))));
        assertEquals(expected, reasons);
    }
}
