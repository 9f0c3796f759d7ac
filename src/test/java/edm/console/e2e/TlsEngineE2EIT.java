package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engine on tcp:// with TLS (a private dockerd with --tlsverify, certificates made with openssl), reached
 * the docker CLI's two ways: DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, and a docker context whose
 * TLS files are in the CLI's context store. Without the client certificate the engine is unreachable, and
 * `status` says so rather than "ok".
 */
class TlsEngineE2EIT {
    private static final String CONTEXT = "tls-e2e";
    private static Installation installation;
    private static PrivateDockerd engine;
    private static Path certs;
    private static Path work;
    private static String address;

    @BeforeAll
    static void setUp() throws Exception {
        boolean required = "1".equals(System.getenv("EDM_REQUIRE_DOCKER"));
        String missing = PrivateDockerd.unavailableReason();
        if (missing == null && Command.run("openssl", "version").exitCode() != 0) {
            missing = "no openssl (apt-get install -y openssl)";
        }
        if (missing != null) {
            if (required) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        installation = Installation.get();
        work = Files.createDirectories(installation.projectRoot.resolve("target").resolve("e2e-tls"));
        certs = Files.createTempDirectory("edm-tls-certs");
        makeCertificates(certs);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        address = "tcp://127.0.0.1:" + port;
        engine = PrivateDockerd.start(List.of("--host", address, "--tlsverify",
                "--tlscacert", certs.resolve("ca.pem").toString(), "--tlscert", certs.resolve("server-cert.pem").toString(),
                "--tlskey", certs.resolve("server-key.pem").toString()));
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (certs != null) {
            Command.run("rm", "-rf", certs.toString());
        }
    }

    /** A CA, the engine's certificate for 127.0.0.1, and a client certificate, as Docker's "protect the daemon socket" does. */
    private static void makeCertificates(Path d) throws IOException {
        run(d, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=edm-e2e-ca",
                "-keyout", "ca-key.pem", "-out", "ca.pem");
        run(d, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server-key.pem",
                "-out", "server.csr");
        Files.writeString(d.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        run(d, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", "server.ext", "-out", "server-cert.pem");
        run(d, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=edm-console", "-keyout", "key.pem",
                "-out", "client.csr");
        Files.writeString(d.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        run(d, "openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", "client.ext", "-out", "cert.pem");
    }

    private static void run(Path dir, String... argv) throws IOException {
        Command c = Command.run(dir, Map.of(), 60, argv);
        if (c.exitCode() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + c.output());
        }
    }

    /** `status --json` with a private HOME and this environment; DOCKER_HOST and DOCKER_CONTEXT unset unless given. */
    private static String status(Path home, Map<String, String> env) {
        String[] argv = {"env", "-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", "-u", "DOCKER_TLS_VERIFY", "-u", "DOCKER_CERT_PATH"};
        List<String> cmd = new ArrayList<>(List.of(argv));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of("HOME=" + home, installation.launcher.toString(), "status", "--json", "--lang", "en"));
        Command c = Command.run(work, Map.of(), 90, cmd.toArray(String[]::new));
        assertTrue(c.exitCode() >= 0 && c.exitCode() <= 2, c.output());
        return c.output().replaceAll("\\s+", ""); // pretty-printed: compared without the white space
    }

    @Test
    void dockerHostWithTheCliTlsVariablesReachesTheEngine() throws IOException {
        Path home = Files.createDirectories(work.resolve("home-env"));
        String json = status(home, Map.of("DOCKER_HOST", address, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()));
        assertTrue(json.contains("\"engine\":\"" + address + "\""), json);
        assertTrue(json.contains("\"engineConnected\":true"), json);

        String without = status(home, Map.of("DOCKER_HOST", address));
        assertTrue(without.contains("\"engineConnected\":false"), "no client certificate: not reachable\n" + without);
    }

    /** docker.tls and engines[].tls: the three PEM files named one by one in the config reach the engine. */
    @Test
    void tlsFilesNamedInTheConfigReachTheEngineAsMainAndAsOneOfTheEngines() throws IOException {
        Path home = Files.createDirectories(work.resolve("home-config"));
        Path project = Files.createDirectories(work.resolve("project-config"));
        String tls = "{ca: " + certs.resolve("ca.pem") + ", cert: " + certs.resolve("cert.pem") + ", key: " + certs.resolve("key.pem") + "}";
        Path main = work.resolve("tls-main.yml");
        Files.writeString(main, "projectDir: " + project + "\ndocker:\n  endpoint: " + address + "\n  tls: " + tls + "\n");
        Command status = Command.run(work, Map.of(), 90, "env", "-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", "HOME=" + home,
                installation.launcher.toString(), "status", "--json", "--lang", "en", "--config", main.toString());
        String json = status.output().replaceAll("\\s+", "");
        assertTrue(json.contains("\"engine\":\"" + address + "\"") && json.contains("\"engineConnected\":true"), json);

        Path both = work.resolve("tls-engines.yml");
        Files.writeString(both, "projectDir: " + project + "\ndocker:\n  endpoint: " + address + "\n"
                + "engines:\n  - name: tls\n    endpoint: " + address + "\n    tls: " + tls + "\n");
        Command check = Command.run(work, Map.of(), 90, "env", "-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", "HOME=" + home,
                installation.launcher.toString(), "check", "--all-hosts", "--json", "--lang", "en", "--config", both.toString());
        String hosts = check.output().replaceAll("\\s+", "");
        assertTrue(hosts.contains("\"name\":\"tls\",\"endpoint\":\"" + address + "\",\"reachable\":true"), hosts);
        assertTrue(hosts.contains("\"name\":\"local\",\"endpoint\":\"" + address + "\",\"reachable\":false"),
                "the same engine without the files is not reachable: " + hosts);
        assertEquals(-1, hosts.indexOf("BEGIN"), "nothing of the key material is printed");
    }

    @Test
    void aContextWithTlsFilesInTheStoreReachesTheEngine() throws Exception {
        Path home = work.resolve("home-context");
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTEXT.getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + CONTEXT + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + address + "\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(home.resolve(".docker/contexts/tls").resolve(id).resolve("docker"));
        for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.copy(certs.resolve(f), tls.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String json = status(home, Map.of("DOCKER_CONTEXT", CONTEXT));
        assertTrue(json.contains("\"engine\":\"" + address + "\"") && json.contains("\"dockerContext\":\"" + CONTEXT + "\""), json);
        assertTrue(json.contains("\"engineConnected\":true"), json);
        assertEquals(-1, json.indexOf("BEGIN"), "nothing of the key material is printed");
    }
}
