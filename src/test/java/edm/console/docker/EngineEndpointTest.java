package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine is found as the docker CLI finds it: config, DOCKER_HOST, DOCKER_CONTEXT, `docker context use`, the socket. */
class EngineEndpointTest {
    @TempDir
    Path home;

    /** A context as `docker context create NAME --docker host=HOST` stores it; with TLS files when asked. */
    private void context(Path dockerDir, String name, String host, boolean tls) throws Exception {
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        Path meta = dockerDir.resolve("contexts/meta").resolve(id);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"\"},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (tls) {
            Path dir = dockerDir.resolve("contexts/tls").resolve(id).resolve("docker");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        }
    }

    private void currentContext(String name) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"r.example\":{\"auth\":\"c2VjcmV0\"}},"
                + "\"currentContext\":\"" + name + "\"}");
    }

    @Test
    void theConfigWinsThenDockerHostThenTheContextThenTheSocket() throws Exception {
        context(home.resolve(".docker"), "prod", "tcp://10.0.0.5:2376", true);
        context(home.resolve(".docker"), "staging", "unix:///run/staging.sock", false);
        currentContext("staging");
        Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_CONTEXT", "prod");
        assertEquals("unix:///srv/docker.sock", EngineEndpoint.target("unix:///srv/docker.sock", env, home).endpoint(),
                "docker.endpoint is like docker -H");
        assertEquals(new EngineEndpoint.Target("tcp://127.0.0.1:2375", "", null), EngineEndpoint.target(null, env, home),
                "DOCKER_HOST before DOCKER_CONTEXT, as the docker CLI does");
        EngineEndpoint.Target prod = EngineEndpoint.target(null, Map.of("DOCKER_CONTEXT", "prod"), home);
        assertEquals("tcp://10.0.0.5:2376", prod.endpoint());
        assertEquals("prod", prod.context());
        assertTrue(prod.tlsDir().resolve("ca.pem").toFile().isFile(), "the context's TLS files: " + prod.tlsDir());
        assertEquals("prod tcp://10.0.0.5:2376", prod.label());
        EngineEndpoint.Target used = EngineEndpoint.target(null, Map.of(), home);
        assertEquals(new EngineEndpoint.Target("unix:///run/staging.sock", "staging", null), used, "docker context use staging");
        assertEquals(EngineEndpoint.DEFAULT, EngineEndpoint.target(null, Map.of("DOCKER_CONTEXT", "default"), home).endpoint(),
                "the context named default is the socket");
        assertEquals(new EngineEndpoint.Target(EngineEndpoint.DEFAULT, "", null),
                EngineEndpoint.target(null, Map.of(), home.resolve("nobody")), "no docker config at all");
    }

    @Test
    void dockerConfigMovesTheDockerDirectory() throws Exception {
        Path elsewhere = home.resolve("cfg");
        context(elsewhere, "edge", "tcp://192.0.2.7:2376", false);
        Files.writeString(elsewhere.resolve("config.json"), "{\"currentContext\":\"edge\"}");
        assertEquals("tcp://192.0.2.7:2376",
                EngineEndpoint.target(null, Map.of("DOCKER_CONFIG", elsewhere.toString()), home).endpoint());
    }

    @Test
    void aContextThatCannotBeUsedIsOneLineSayingWhatToDo() throws Exception {
        var missing = assertThrows(EngineEndpoint.ContextException.class,
                () -> EngineEndpoint.target(null, Map.of("DOCKER_CONTEXT", "gone"), home));
        assertTrue(missing.getMessage().contains("docker context \"gone\" (from DOCKER_CONTEXT) does not exist")
                && missing.getMessage().contains("docker context ls"), missing.getMessage());
        context(home.resolve(".docker"), "remote", "ssh://ubuntu@203.0.113.9", false);
        currentContext("remote");
        var ssh = assertThrows(EngineEndpoint.ContextException.class, () -> EngineEndpoint.target(null, Map.of(), home));
        assertTrue(ssh.getMessage().contains("uses ssh://ubuntu@203.0.113.9") && ssh.getMessage().contains("DOCKER_HOST"),
                ssh.getMessage());
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"r.example\":{\"auth\":\"c2VjcmV0\"}},\"currentContext\": ");
        var broken = assertThrows(EngineEndpoint.ContextException.class, () -> EngineEndpoint.target(null, Map.of(), home));
        assertTrue(broken.getMessage().startsWith(home.resolve(".docker/config.json").toString()), broken.getMessage());
        assertTrue(!broken.getMessage().contains("c2VjcmV0") && !broken.getMessage().contains("\n"), "one line, nothing of the file's secrets");
    }

    @Test
    void anEndpointFromElsewhereGetsNoContextsTls() {
        assertNull(EngineEndpoint.contextOf("tcp://127.0.0.1:1"), "not the environment's context: no TLS files of one");
    }
}
