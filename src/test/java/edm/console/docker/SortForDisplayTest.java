package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortForDisplayTest {
    private static ContainerInfo c(String name) {
        return new ContainerInfo("id-" + name, name, "busybox:1", ContainerStatus.RUNNING, HealthStatus.NONE, null, null, 0, List.of(),
                Map.of());
    }

    @Test
    void theEdmStackComesFirstInConfigOrderThenTheRestInNaturalOrder() {
        List<String> stack = List.of("edm-postgres-prod", "edm-redis-prod", "edm-backend-prod");
        List<ContainerInfo> all = List.of(c("peer-10"), c("edm-backend-prod"), c("peer-2"), c("Zeta"), c("edm-postgres-prod"),
                c("peer-1"), c("alpha"), c("edm-redis-prod"), c("edm-backend-prod-old-20261201-0930"));
        assertEquals(List.of("edm-postgres-prod", "edm-redis-prod", "edm-backend-prod", "alpha", "edm-backend-prod-old-20261201-0930",
                        "peer-1", "peer-2", "peer-10", "Zeta"),
                ContainerGateway.sortForDisplay(all, stack).stream().map(ContainerInfo::name).toList());
    }
}
