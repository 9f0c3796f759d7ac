package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, real kill -9: a backup writer killed mid-write leaves its partial file; the next backup
 * and prune remove it, while the partial of a writer that still runs (another console's backup) stays.
 */
class StalePartialsIT {
    @TempDir
    Path project;
    final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    Path dir() {
        return project.resolve("backups/files");
    }

    BackupEnvironment env() {
        return new BackupEnvironment(project, Map.of(BackupKind.DATABASE, project.resolve("backups/database"), BackupKind.FILES, dir()),
                null, null, List.of(project.resolve("data/uploads")), 7, 4,
                Map.of(BackupKind.DATABASE, Duration.ofHours(26), BackupKind.FILES, Duration.ofDays(8)), null, Clock.SYSTEM, ZoneOffset.UTC, 0.5);
    }

    /** Starts a writer and returns its partial file once it is there. */
    Path writer(String name) throws IOException {
        Files.createDirectories(dir());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PartialWriterChild.class.getName(), dir().toString(), name)
                .redirectErrorStream(true).start();
        children.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertEquals("writing", line, "the child writes");
        List<Path> all = partials();
        return all.stream().filter(f -> f.getFileName().toString().startsWith("." + name + "." + p.pid() + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no partial of pid " + p.pid() + " in " + all));
    }

    void kill9(Path partialOf) throws InterruptedException {
        Process p = children.stream().filter(c -> partialOf.getFileName().toString().contains("." + c.pid() + "@")).findFirst().orElseThrow();
        p.destroyForcibly(); // SIGKILL: no finally, no cleanup in the child
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }

    List<Path> partials() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(f -> f.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).toList();
        }
    }

    @Test
    void aKilledWritersPartialGoesWithPruneAndWithTheNextBackupALiveOneStays() throws Exception {
        Files.createDirectories(project.resolve("data/uploads"));
        Files.writeString(project.resolve("data/uploads/a.txt"), "upload");
        Path killed = writer("edm-files-killed.tar.gz");
        Path live = writer("edm-files-live.tar.gz");
        kill9(killed);
        assertTrue(Files.exists(killed), "kill -9 leaves the partial behind");
        assertEquals(0, Files.size(killed));

        List<String> out = new ArrayList<>();
        BackupService service = new BackupService(env());
        service.prune(false, out::add);
        assertTrue(Files.notExists(killed), "prune removed the killed writer's partial: " + out);
        assertTrue(Files.exists(live), "the running writer's partial stays: " + out);
        assertTrue(out.stream().anyMatch(l -> l.contains(killed.getFileName().toString()) && l.contains("killed backup")), out.toString());

        Path killedAgain = writer("edm-files-killed2.tar.gz");
        kill9(killedAgain);
        BackupRecord r = service.backup(BackupKind.FILES, BackupProgress.NONE, Cancellation.none()).record();
        assertTrue(r.good(), r.problem());
        assertTrue(Files.notExists(killedAgain), "the next backup removed the killed writer's partial");
        assertEquals(List.of(live), partials(), "only the running writer's partial is left");
    }
}
