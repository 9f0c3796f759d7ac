package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxStatusTableTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static SandboxStatus sample() {
        Map<String, Boolean> images = new LinkedHashMap<>();
        images.put("edm-backend:v1.1", true);
        images.put("edm-postgres:v1.0", false);
        return new SandboxStatus(List.of(
                new SandboxContainerState("backend", "edm-backend-sandbox", true, "edm-backend:v1.1", ContainerStatus.RUNNING,
                        HealthStatus.HEALTHY, List.of(new PortMapping("127.0.0.1", 18002, 8002, "tcp")), ""),
                SandboxContainerState.missing(SandboxSpec.require("postgres"))), true, images);
    }

    @Test
    void rendersAlignedRowsNetworkAndMissingImages() {
        assertEquals(List.of(
                "NAME                  IMAGE             STATE    HEALTH   PORTS",
                "edm-backend-sandbox   edm-backend:v1.1  running  healthy  127.0.0.1:18002->8002",
                "edm-postgres-sandbox  -                 absent   -        -",
                "",
                "Network edm-sandbox_edm-network: present",
                "Images: 1 of 2 present; missing: edm-postgres:v1.0 (sandbox up builds them)"),
                SandboxStatusTable.render(sample()));
    }

    @Test
    void chineseHeadersCountAsTwoColumnsEach() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        List<String> lines = SandboxStatusTable.render(sample());
        assertEquals("名称                  镜像              状态     健康     端口", lines.get(0));
        assertEquals(SandboxStatusTable.displayWidth(lines.get(0).substring(0, lines.get(0).indexOf("镜像"))),
                lines.get(1).indexOf("edm-backend:v1.1"));
    }
}
