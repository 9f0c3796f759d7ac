package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ImageMetadata;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The env file's secret values searched in the stack's images and the project's files: found by name and place, never shown. */
class SecretLeaksTest {
    private static final String JWT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String DB_PASSWORD = "c0ffee42deadbeef";
    private static final String ENV = "NODE_ENV=production\nPOSTGRES_PASSWORD=" + DB_PASSWORD + "\n"
            + "DATABASE_URL=postgresql://edm:" + DB_PASSWORD + "@postgres:5432/edm\nREDIS_PASSWORD=r3d1s\nJWT_SECRET=" + JWT + "\n";
    private static final String BACKEND_IMAGE = "edm-backend:v1.1";

    @TempDir
    Path project;

    @BeforeEach
    void envFile() throws Exception {
        Path env = project.resolve(".env.production");
        Files.writeString(env, ENV);
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        // docker compose reads .env: the sandbox links it to the env file, which is not a second copy.
        Files.createSymbolicLink(project.resolve(".env"), Path.of(".env.production"));
    }

    private static ImageMetadata image(List<String> env, Map<String, String> labels, List<String> history) {
        return new ImageMetadata(BACKEND_IMAGE, "sha256:1111", env, labels, List.of("node", "server.js"), List.of(),
                history.stream().map(h -> new ImageMetadata.Layer("sha256:2222222222222222222222", h)).toList());
    }

    private List<Finding> check(ImageSource images) {
        ContainerFacts backend = new ContainerFacts("edm-backend-prod", BACKEND_IMAGE, true, List.of(), List.of("edm_edm-network"),
                false, List.of());
        ContainerFacts foreign = new ContainerFacts("someone-else", "other:1", true, List.of(), List.of("bridge"), false, List.of());
        SecurityContext ctx = Fixtures.context(project, ContainerFacts.Listing.of(List.of(backend, foreign)), images,
                List.of(project.resolve("backups/database")));
        List<Finding> all = new SecretsRule().check(ctx);
        for (Finding f : all) {
            for (String secret : List.of(JWT, DB_PASSWORD, "r3d1s")) {
                assertFalse((f.evidence() + f.fix() + f.title()).contains(secret), "a value leaked into " + f);
            }
        }
        return all.stream().filter(f -> f.rule().startsWith("secrets.leak")).toList();
    }

    private static ImageSource clean() {
        return ref -> image(List.of("NODE_ENV=production", "PATH=/usr/bin"), Map.of("maintainer", "edm"), List.of("/bin/sh -c npm ci"));
    }

    @Test
    void aCleanStackAndProjectIsOkAndSaysWhatWasSearchedAndWhatWasNot() throws Exception {
        Files.writeString(project.resolve("docker-compose.yml"), "services:\n  backend:\n    env_file: .env.production\n");
        List<Finding> f = check(clean());
        assertEquals(1, f.size(), f.toString());
        assertEquals(ProbeStatus.OK, f.get(0).status());
        String e = f.get(0).evidence();
        assertTrue(e.contains("1 images") && e.contains("files of " + project), e);
        assertTrue(e.contains("REDIS_PASSWORD not searched: shorter than 8 characters"), e);
    }

    @Test
    void aValueInAnImagesEnvLabelOrHistoryIsFoundByImageAndLayer() {
        List<Finding> f = check(ref -> image(List.of("BAKED_JWT=" + JWT), Map.of("build.secret", DB_PASSWORD),
                List.of("/bin/sh -c #(nop) CMD [\"node\"]", "/bin/sh -c echo " + JWT + " > /app/.jwt")));
        Finding jwt = Fixtures.only(f, "secrets.leak.JWT_SECRET");
        assertEquals(ProbeStatus.WARNING, jwt.status());
        assertEquals("JWT_SECRET: the value is in image edm-backend:v1.1 Env BAKED_JWT, image edm-backend:v1.1 history #2 (sha256:222222222222)",
                jwt.evidence());
        Finding db = Fixtures.only(f, "secrets.leak.POSTGRES_PASSWORD");
        assertEquals("POSTGRES_PASSWORD, DATABASE_URL: the value is in image edm-backend:v1.1 Label build.secret", db.evidence());
    }

    @Test
    void aValueInAProjectFileIsFoundByFileAndLineButNotInBackupsGitBinariesOrTheEnvFile() throws Exception {
        Files.writeString(project.resolve("docker-compose.yml"), "services:\n  backend:\n    environment:\n      JWT_SECRET: " + JWT + "\n");
        Files.createDirectories(project.resolve("backups/database"));
        Files.writeString(project.resolve("backups/database/dump.sql"), JWT);
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/ORIG_HEAD"), JWT);
        Files.write(project.resolve("data.bin"), ("\0\0" + JWT).getBytes());
        Files.writeString(project.resolve("notes.txt"), "redis: r3d1s\n");
        List<Finding> f = check(clean());
        assertEquals("JWT_SECRET: the value is in docker-compose.yml:4", Fixtures.only(f, "secrets.leak.JWT_SECRET").evidence());
        assertEquals(1, f.size(), "a short value is not searched, the rest is clean: " + f);
    }

    @Test
    void anImageTheEngineCannotReadIsUnknownWhileTheFilesAreStillSearched() throws Exception {
        Files.writeString(project.resolve("deploy.sh"), "export PGPASSWORD=" + DB_PASSWORD + "\n");
        List<Finding> f = check(ref -> {
            throw new IllegalStateException("no such image: " + ref);
        });
        Finding images = Fixtures.only(f, "secrets.leak.images");
        assertEquals(ProbeStatus.UNKNOWN, images.status());
        assertEquals("edm-backend:v1.1: no such image: edm-backend:v1.1", images.evidence());
        assertEquals("POSTGRES_PASSWORD, DATABASE_URL: the value is in deploy.sh:1",
                Fixtures.only(f, "secrets.leak.POSTGRES_PASSWORD").evidence());
    }

    @Test
    void theConsolesOwnPreviousCopyOfTheEnvFileIsSkippedWhileOnlyItsOwnerCanReadIt() throws Exception {
        Path previous = project.resolve(".env.production.previous");
        Files.writeString(previous, ENV);
        Files.setPosixFilePermissions(previous, PosixFilePermissions.fromString("rw-------"));
        assertEquals(List.of("secrets.leak"), check(clean()).stream().map(Finding::rule).toList());
        Files.setPosixFilePermissions(previous, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("JWT_SECRET: the value is in .env.production.previous:5",
                Fixtures.only(check(clean()), "secrets.leak.JWT_SECRET").evidence());
    }

    @Test
    void whatWasSearchedReadsInChinese() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        try {
            String e = Fixtures.only(check(clean()), "secrets.leak").evidence();
            assertEquals("1 个镜像（Env、Labels、Cmd、Entrypoint、history）、" + project + " 的 2 个文件中未发现 2 个密钥值中的任何一个；"
                    + "REDIS_PASSWORD 未查找：短于 8 个字符（到处都会匹配）", e);
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }
}
