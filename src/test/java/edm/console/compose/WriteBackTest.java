package edm.console.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tag write-back: into the env variable the image uses, else into the image: line; nothing else moves. */
class WriteBackTest {
    @TempDir
    Path dir;

    static final String ENV = """
            # EDM production environment
            NODE_ENV=production
            JWT_SECRET=s3cr3t-do-not-leak

            # release tags, one per service
            BACKEND_TAG=v1.1
            FRONTEND_TAG=v1.1
            """;

    static String compose(String imageValue) {
        return """
                # SPEC-006 stack
                version: "3.8"
                services:
                  backend:
                    # the API
                    image: %s
                    container_name: edm-backend-prod
                    networks: [edm-network]
                  frontend:
                    image: edm-frontend:${FRONTEND_TAG}
                    container_name: edm-frontend-prod
                networks:
                  edm-network: {}
                """.formatted(imageValue);
    }

    /** image: value as written, env file, the new image -> which file changes, and its expected text. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("env variable", "edm-backend:${BACKEND_TAG}", ENV, "edm-backend:v1.2", true,
                        ENV.replace("BACKEND_TAG=v1.1", "BACKEND_TAG=v1.2")),
                Arguments.of("braced default, variable set", "edm-backend:${BACKEND_TAG:-v1.0}", ENV, "edm-backend:v1.2", true,
                        ENV.replace("BACKEND_TAG=v1.1", "BACKEND_TAG=v1.2")),
                Arguments.of("default only: appended", "edm-backend:${API_TAG:-v1.1}", ENV, "edm-backend:v1.2", true,
                        ENV + "API_TAG=v1.2\n"),
                Arguments.of("whole image in a variable", "${BACKEND_IMAGE}", ENV + "BACKEND_IMAGE=edm-backend:v1.1\n", "edm-backend:v1.2",
                        true, ENV + "BACKEND_IMAGE=edm-backend:v1.2\n"),
                Arguments.of("unbraced", "edm-backend:$BACKEND_TAG", ENV, "edm-backend:v1.2", true,
                        ENV.replace("BACKEND_TAG=v1.1", "BACKEND_TAG=v1.2")),
                Arguments.of("export, quotes and comment kept", "edm-backend:${BACKEND_TAG}",
                        "export BACKEND_TAG=\"v1.1\"  # current\nBACKEND_TAG_NOTE=x\n", "edm-backend:v1.2", true,
                        "export BACKEND_TAG=\"v1.2\"  # current\nBACKEND_TAG_NOTE=x\n"),
                Arguments.of("plain value with comment", "edm-backend:${BACKEND_TAG}", "BACKEND_TAG=v1.1   # pinned\n", "edm-backend:v1.2",
                        true, "BACKEND_TAG=v1.2   # pinned\n"),
                Arguments.of("last assignment wins, as in compose", "edm-backend:${BACKEND_TAG}", "BACKEND_TAG=v1.0\nBACKEND_TAG=v1.1\n",
                        "edm-backend:v1.2", true, "BACKEND_TAG=v1.0\nBACKEND_TAG=v1.2\n"),
                Arguments.of("literal", "edm-backend:v1.1", ENV, "edm-backend:v1.2", false, compose("edm-backend:v1.2")),
                Arguments.of("literal with comment", "edm-backend:v1.1   # pinned by ops", ENV, "edm-backend:v1.2", false,
                        compose("edm-backend:v1.2   # pinned by ops")),
                Arguments.of("double-quoted literal", "\"edm-backend:v1.1\"", ENV, "edm-backend:v1.2", false,
                        compose("\"edm-backend:v1.2\"")),
                Arguments.of("single-quoted literal", "'edm-backend:v1.1'", ENV, "edm-backend:v1.2", false,
                        compose("'edm-backend:v1.2'")),
                Arguments.of("registry variable, literal tag", "${REGISTRY:-reg.local}/edm-backend:v1.1", ENV, "reg.local/edm-backend:v1.2",
                        false, compose("${REGISTRY:-reg.local}/edm-backend:v1.2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheTagWhereTheFileTakesItFrom(String name, String image, String env, String newImage, boolean intoEnv, String expected)
            throws IOException {
        Path file = write("docker-compose.yml", compose(image), "rw-r--r--");
        Path envFile = write(".env.production", env, "rw-------");
        String composeBefore = Files.readString(file);
        ComposeModel m = ComposeReader.read(file, envFile, "", Map.of());

        WriteBack.Change c = WriteBack.plan(m, "backend", newImage).orElseThrow();
        Path previous = WriteBack.apply(c);

        Path changed = intoEnv ? envFile : file;
        Path untouched = intoEnv ? file : envFile;
        assertEquals(expected, Files.readString(changed));
        assertEquals(intoEnv ? composeBefore : env, Files.readString(untouched));
        assertEquals(intoEnv ? env : composeBefore, Files.readString(previous), "the previous file is kept");
        assertEquals(changed.getFileName() + ".previous", previous.getFileName().toString());
        assertEquals(intoEnv ? "rw-------" : "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(changed)));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(changed)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(previous)), "the copy keeps the mode (secrets)");
        assertEquals(newImage, ComposeReader.read(file, envFile, "", Map.of()).service("backend").orElseThrow().image(),
                "the file now says the new image");
        assertFalse(c.setting().contains("s3cr3t"), c.setting());
    }

    @Test
    void theFileIsReplacedByRenameAndNoTempFileStays() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:${BACKEND_TAG}"), "rw-r--r--");
        Path envFile = write(".env.production", ENV, "rw-------");
        Object before = Files.readAttributes(envFile, BasicFileAttributes.class).fileKey();
        WriteBack.apply(WriteBack.plan(ComposeReader.read(file, envFile, "", Map.of()), "backend", "edm-backend:v1.2").orElseThrow());
        assertNotEquals(before, Files.readAttributes(envFile, BasicFileAttributes.class).fileKey(), "a new inode: temp file renamed");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".env.production", ".env.production.previous", "docker-compose.yml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSymlinkedEnvFileStaysALink() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:${BACKEND_TAG}"), "rw-r--r--");
        Path real = write(".env.production", ENV, "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve(".env"), real.getFileName());
        WriteBack.apply(WriteBack.plan(ComposeReader.read(file, link, "", Map.of()), "backend", "edm-backend:v1.2").orElseThrow());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("BACKEND_TAG=v1.2\n"));
    }

    @Test
    void theSameImageWritesNothing() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:${BACKEND_TAG}"), "rw-r--r--");
        Path envFile = write(".env.production", ENV, "rw-------");
        assertEquals(Optional.empty(), WriteBack.plan(ComposeReader.read(file, envFile, "", Map.of()), "backend", "edm-backend:v1.1"));
    }

    @Test
    void aVariableSetInTheProcessEnvironmentIsRefusedBecauseItWinsOverTheFile() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:${BACKEND_TAG}"), "rw-r--r--");
        Path envFile = write(".env.production", ENV, "rw-------");
        ComposeModel m = ComposeReader.read(file, envFile, "", Map.of("BACKEND_TAG", "v1.1"));
        ComposeException e = assertThrows(ComposeException.class, () -> WriteBack.plan(m, "backend", "edm-backend:v1.2"));
        assertTrue(e.getMessage().startsWith("BACKEND_TAG is set in the console's environment"), e.getMessage());
    }

    @Test
    void anImageThatCannotTakeTheNewRepositorySaysWhatToDo() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:${BACKEND_TAG}"), "rw-r--r--");
        Path envFile = write(".env.production", ENV, "rw-------");
        ComposeException e = assertThrows(ComposeException.class,
                () -> WriteBack.plan(ComposeReader.read(file, envFile, "", Map.of()), "backend", "other-repo:v1.2"));
        assertEquals(file + ":6: cannot write other-repo:v1.2 into service backend's image: edm-backend:${BACKEND_TAG}; change the line by hand",
                e.getMessage());
    }

    @Test
    void aWriteThatFailsChangesNothing() throws IOException {
        Path file = write("docker-compose.yml", compose("edm-backend:v1.1"), "rw-r--r--");
        Path envFile = write(".env.production", ENV, "rw-------");
        WriteBack.Change c = WriteBack.plan(ComposeReader.read(file, envFile, "", Map.of()), "backend", "edm-backend:v1.2").orElseThrow();
        // The copy of the previous file cannot be made (a non-empty directory holds its name; root ignores modes).
        Files.createDirectories(dir.resolve("docker-compose.yml.previous").resolve("x"));
        ComposeException e = assertThrows(ComposeException.class, () -> WriteBack.apply(c));
        assertTrue(e.getMessage().startsWith(file + ": cannot write"), e.getMessage());
        assertEquals(compose("edm-backend:v1.1"), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".env.production", "docker-compose.yml", "docker-compose.yml.previous"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
    }

    private Path write(String name, String text, String mode) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }
}
