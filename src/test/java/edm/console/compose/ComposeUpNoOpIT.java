package edm.console.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Container;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.ProcessRun;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.GatewayEngine;
import edm.console.workflow.Operator;
import edm.console.workflow.Release;
import edm.console.workflow.StopGrace;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The compose file stays the source of truth with the real docker-compose (Debian's 1.29): a stack brought up
 * by {@code docker-compose up -d}, a console deploy of a new tag (into the env variable), one into a literal
 * {@code image:} line, a rollback; after each, {@code docker-compose up -d} changes nothing: same container ids,
 * the kept container still there. Own names (edmcomposeit-*), no host ports: no sandbox lock needed.
 */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeUpNoOpIT {
    static final String PROJECT = "edmcomposeit";
    static final String REPO = "edm-composeit-app";
    static final String COMPOSE = """
            # compose IT stack, laid out like SPEC-006's /opt/edm
            services:
              app:
                image: edm-composeit-app:${APP_TAG}
                container_name: edmcomposeit-app
                restart: unless-stopped
                networks: [edm-network]
                environment:
                  ROLE: app
              web:
                image: edm-composeit-app:v1.0   # pinned here, not in the env file
                container_name: edmcomposeit-web
                networks: [edm-network]
            networks:
              edm-network: {}
            """;
    static final String ENV = """
            # IT environment
            COMPOSE_PROJECT_NAME=edmcomposeit
            API_TOKEN=do-not-leak-me
            APP_TAG=v1.0
            """;

    static Path dir;
    static ContainerGateway gateway;
    static WorkflowContext ctx;
    static ConsoleConfig config;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(run(Path.of("/"), "docker-compose", "version").startsWith("0:"), "docker-compose is not installed");
        removeOurs();
        DockerClient c = DockerEngine.client();
        String base = TestImages.busybox();
        for (String v : List.of("v1.0", "v1.1")) {
            Path ctxDir = Files.createTempDirectory("edm-composeit-image");
            Files.writeString(ctxDir.resolve("Dockerfile"), "FROM " + base + "\nLABEL edm.composeit.version=" + v + "\n");
            c.buildImageCmd(ctxDir.toFile()).withTags(Set.of(REPO + ":" + v)).withPull(false)
                    .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
        }
        dir = Files.createTempDirectory("edm-composeit");
        Files.writeString(dir.resolve("docker-compose.yml"), COMPOSE);
        Files.writeString(dir.resolve(".env.production"), ENV);
        assertTrue(up().startsWith("0:"), up());
        config = new ConsoleConfig();
        config.projectDir = dir.toString();
        config.project = PROJECT;
        config.services = new ArrayList<>(List.of(service("app"), service("web")));
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        ctx = new WorkflowContext(new GatewayEngine(gateway), dir, dir.resolve("state"), new Operator("compose-it", null, "localhost", ProcessHandle.current().pid()),
                Duration.ofSeconds(30), StopGrace.uniform(2), 0, 2, url -> Optional.empty(), List::of, p -> "none", List.of(), null,
                null, 0, WorkflowContext.ReleaseListener.NONE, ComposeSync.of(config, Map.of()));
    }

    static ConsoleConfig.ServiceConfig service(String name) {
        ConsoleConfig.ServiceConfig s = new ConsoleConfig.ServiceConfig(name, 0, "");
        s.container = PROJECT + "-" + name;
        s.image = REPO;
        return s;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        removeOurs();
    }

    @Test
    @Order(1)
    void upAfterAConsoleDeployIntoTheEnvVariableChangesNothing() throws Exception {
        DeployRun.Outcome o = deploy("app", "v1.1");
        assertTrue(o.ok(), o.message());
        String env = Files.readString(dir.resolve(".env.production"));
        assertEquals(ENV.replace("APP_TAG=v1.0", "APP_TAG=v1.1"), env, "only APP_TAG changed, comments and order kept");
        assertEquals(ENV, Files.readString(dir.resolve(".env.production.previous")));
        assertUpIsANoOp();
    }

    @Test
    @Order(2)
    void upAfterAConsoleDeployIntoALiteralImageLineChangesNothing() throws Exception {
        DeployRun.Outcome o = deploy("web", "v1.1");
        assertTrue(o.ok(), o.message());
        assertEquals(COMPOSE.replace("edm-composeit-app:v1.0   # pinned", "edm-composeit-app:v1.1   # pinned"),
                Files.readString(dir.resolve("docker-compose.yml")));
        assertUpIsANoOp();
    }

    @Test
    @Order(3)
    void upAfterAConsoleRollbackChangesNothing() throws Exception {
        Release to = ctx.history().all().stream().filter(r -> r.service().equals("app") && r.good() && "v1.0".equals(r.tag()))
                .findFirst().orElseGet(() -> new Release("seed", "deploy", "app", "v1.0", REPO + ":v1.0",
                        gateway.deployOps().imageId(REPO + ":v1.0").orElseThrow(), null, "it", java.time.Instant.now(), Release.OK, 0, null,
                        null));
        DeployRun.Outcome o = new DeployWorkflow(ctx).prepareRollback(Workflows.target(config, "app"), to).run(progress(), () -> false);
        assertTrue(o.ok(), o.message());
        assertTrue(Files.readString(dir.resolve(".env.production")).contains("\nAPP_TAG=v1.0\n"));
        assertUpIsANoOp();
    }

    private static DeployRun.Outcome deploy(String service, String tag) {
        return new DeployWorkflow(ctx).prepareDeploy(Workflows.target(config, service), new DeployWorkflow.Request(tag, false, true, false))
                .run(progress(), () -> false);
    }

    /** Every container of ours (the compose project's and the kept ones) by name, with its id, before and after up -d. */
    private static void assertUpIsANoOp() throws Exception {
        Map<String, String> before = ours();
        assertTrue(before.keySet().stream().anyMatch(n -> n.startsWith("edmcomposeit-app-old-")), "a kept container: " + before);
        String out = up();
        assertTrue(out.startsWith("0:"), out);
        assertEquals(before, ours(), "docker-compose up -d re-created or removed containers: " + out);
        assertFalse(out.contains("Recreating") || out.contains("Creating") || out.contains("Stopping"), out);
    }

    private static Map<String, String> ours() {
        Map<String, String> out = new TreeMap<>();
        for (Container c : DockerEngine.client().listContainersCmd().withShowAll(true).exec()) {
            String name = c.getNames()[0].substring(1);
            if (name.startsWith(PROJECT + "-") || name.startsWith(PROJECT + "_")) {
                out.put(name, c.getId());
            }
        }
        return out;
    }

    private static String up() throws Exception {
        return run(dir, "docker-compose", "--env-file", ".env.production", "up", "-d");
    }

    private static void removeOurs() {
        for (Container c : DockerEngine.client().listContainersCmd().withShowAll(true).exec()) {
            String name = c.getNames()[0].substring(1);
            if (name.startsWith(PROJECT + "-") || name.startsWith(PROJECT + "_")) {
                DockerEngine.client().removeContainerCmd(c.getId()).withForce(true).exec();
            }
        }
        DockerEngine.client().listNetworksCmd().exec().stream().filter(n -> n.getName().startsWith(PROJECT + "_"))
                .forEach(n -> DockerEngine.client().removeNetworkCmd(n.getId()).exec());
    }

    /** "exit:output" of a command run in {@code cwd}. */
    static String run(Path cwd, String... cmd) throws IOException, InterruptedException {
        return ProcessRun.run(cwd, cmd);
    }

    private static WorkflowProgress progress() {
        return new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
            }

            @Override
            public void output(String line) {
                System.out.println("  | " + line);
            }
        };
    }
}
