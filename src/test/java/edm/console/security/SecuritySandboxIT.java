package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import edm.console.cli.SecurityCommand;
import edm.console.core.ProbeStatus;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.sandbox.SandboxCredentials;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.SandboxFixture;
import edm.console.testsupport.SandboxFixture.RunningSandbox;
import edm.console.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security rules on the real sandbox: its nginx's headers (one left out on purpose) and rate limit (nginx -T
 * through docker exec), its env file's mode, a secret baked into an image one of the stack's containers runs, and
 * a foreign container on the stack's network. Everything a test makes carries {@link #LABEL} and is removed in finally.
 */
@RequiresDocker
class SecuritySandboxIT {
    private static final String LABEL = "edm.console.test";
    private static final Map<String, String> LABELS = Map.of(LABEL, "security");
    private static RunningSandbox sandbox;
    private static ContainerGateway gateway;

    @BeforeAll
    static void up() {
        // The findings' words are compared in English: an earlier test in this JVM may have run the console in zh-CN.
        Messages.use(Locale.ENGLISH);
        sandbox = SandboxFixture.up();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static SecurityContext context() {
        return SecurityCommand.context(sandbox.config(), () -> gateway);
    }

    private static List<Finding> problems(List<Finding> findings, String prefix) {
        return findings.stream().filter(f -> f.rule().startsWith(prefix) && f.status() != ProbeStatus.OK).toList();
    }

    @Test
    void theSandboxNginxMissesExactlyTheHeaderLeftOutAndLimitsItsApiAsNginxTShowsIt() {
        SecurityContext ctx = context();
        List<Finding> headers = new HeadersRule().check(ctx);
        List<Finding> missing = problems(headers, "https.headers");
        assertEquals(List.of("https.headers.referrer"), missing.stream().map(Finding::rule).toList(), headers.toString());
        assertTrue(missing.get(0).evidence().endsWith("has no Referrer-Policy"), missing.get(0).evidence());
        Finding limit = Fixtures.only(new RateLimitRule().check(ctx), "ratelimit");
        assertEquals(ProbeStatus.OK, limit.status(), limit.toString());
        // nginx -T names the file it read: the sandbox's nginx.conf, mounted where the container reads it.
        assertTrue(limit.evidence().startsWith("/etc/nginx/") && limit.evidence().contains("limit_req zone=edm_api"), limit.evidence());
    }

    @Test
    void theEnvFileReadableByOthersFlipsTheSecretsRuleAndBack() throws Exception {
        Path env = sandbox.projectDir().resolve(".env.production");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
        try {
            assertEquals(ProbeStatus.OK, Fixtures.only(new SecretsRule().check(context()), "secrets.mode").status());
            Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
            Finding open = Fixtures.only(new SecretsRule().check(context()), "secrets.mode");
            assertEquals(ProbeStatus.CRITICAL, open.status(), open.toString());
            assertEquals("rw-r--r-- " + env, open.evidence());
        } finally {
            Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        }
        assertEquals(ProbeStatus.OK, Fixtures.only(new SecretsRule().check(context()), "secrets.mode").status());
    }

    @Test
    void aSecretBakedIntoAnImageOfTheStackIsFoundByImageAndLayerNeverShown() throws Exception {
        List<Finding> before = new SecretsRule().check(context());
        assertEquals(List.of(), problems(before, "secrets.leak"), "the sandbox's own images and files are clean: " + before);
        String jwt = sandbox.credentials().jwtSecret();
        String dbPassword = sandbox.credentials().dbPassword();
        DockerClient docker = DockerEngine.client();
        String image = "edm-console-test/secret-baked:" + UUID.randomUUID().toString().substring(0, 8);
        // A deploy's kept previous container (NAME-old-STAMP) counts as the stack's: its image is searched.
        String container = SandboxSpec.require("backend").containerName() + "-old-sectest";
        Path dir = Files.createTempDirectory("edm-secret-image");
        try {
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                    "FROM " + TestImages.busybox(),
                    "ENV BAKED_JWT=" + jwt,
                    "RUN mkdir -p /app && echo " + dbPassword + " > /app/db-password",
                    "LABEL " + LABEL + "=security", ""));
            docker.buildImageCmd(dir.toFile()).withTags(Set.of(image)).withPull(false).withLabels(LABELS).withForcerm(true)
                    .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
            docker.createContainerCmd(image).withName(container).withLabels(LABELS).exec();
            List<Finding> after = new SecretsRule().check(context());
            for (Finding f : after) {
                assertFalse((f.evidence() + f.fix()).contains(jwt) || (f.evidence() + f.fix()).contains(dbPassword), "a value leaked: " + f);
            }
            Finding inEnv = Fixtures.only(after, "secrets.leak.JWT_SECRET");
            assertEquals(ProbeStatus.WARNING, inEnv.status());
            assertTrue(inEnv.evidence().contains("image " + image + " Env BAKED_JWT"), inEnv.evidence());
            Finding inHistory = Fixtures.only(after, "secrets.leak." + SandboxCredentials.DB_PASSWORD_KEY);
            assertTrue(inHistory.evidence().matches(".*image " + image.replace(".", "\\.") + " history #\\d+.*"), inHistory.evidence());
        } finally {
            removeQuietly(() -> docker.removeContainerCmd(container).withForce(true).exec());
            removeQuietly(() -> docker.removeImageCmd(image).withForce(true).exec());
            Files.walk(dir).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aForeignContainerJoinedToTheStacksNetworkIsFound() {
        DockerClient docker = DockerEngine.client();
        String name = "edm-console-test-foreign-" + UUID.randomUUID().toString().substring(0, 8);
        String net = sandbox.config().network;
        try {
            docker.createContainerCmd(TestImages.busybox()).withName(name).withLabels(LABELS)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(net)).exec();
            docker.startContainerCmd(name).exec();
            List<Finding> f = new NetworksRule().check(context());
            Finding foreign = Fixtures.only(f, "networks.foreign." + name);
            assertEquals(ProbeStatus.WARNING, foreign.status());
            assertTrue(foreign.evidence().contains(name) && foreign.evidence().contains(net), foreign.evidence());
            assertEquals(List.of("networks.foreign." + name), problems(f, "networks").stream().map(Finding::rule).toList(),
                    "the sandbox's own containers are where they belong: " + f);
        } finally {
            removeQuietly(() -> docker.removeContainerCmd(name).withForce(true).exec());
        }
    }

    /** Cleanup of what a test may not have got to create: a missing one is fine, and must not hide the test's own failure. */
    private static void removeQuietly(Runnable remove) {
        try {
            remove.run();
        } catch (NotFoundException e) {
            // never created
        }
    }
}
