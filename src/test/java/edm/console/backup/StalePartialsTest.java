package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import edm.console.core.LocalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed backup's partial file goes with the next backup or prune; a live writer's never (pid check faked). */
class StalePartialsTest {
    static final Set<Long> RUNNING = Set.of(222L);
    static final StalePartials.Liveness FAKE = (pid, lastWrite) -> RUNNING.contains(pid);

    @TempDir
    Path project;
    Path db;
    String host;

    @BeforeEach
    void dirs() throws IOException {
        db = project.resolve("backups/database");
        Files.createDirectories(db);
        host = StalePartials.hostTag(LocalProcess.hostName());
    }

    Path partial(String name, Duration age) throws IOException {
        Path f = Files.createFile(db.resolve(name));
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    BackupEnvironment env() {
        return new BackupEnvironment(project, Map.of(BackupKind.DATABASE, db, BackupKind.FILES, project.resolve("backups/files")), null,
                null, List.of(), 7, 4, Map.of(BackupKind.DATABASE, Duration.ofHours(26), BackupKind.FILES, Duration.ofDays(8)), null,
                Clock.SYSTEM, ZoneOffset.UTC, 0.5);
    }

    @Test
    void theNextBackupRemovesOnlyTheGoneWritersPartials() throws IOException {
        Path killed = partial(".edm-db-1.dump." + "111@" + host + ".123.partial", Duration.ofSeconds(5));
        Path live = partial(".edm-db-2.dump." + "222@" + host + ".456.partial", Duration.ofHours(10));
        Path otherHost = partial(".edm-db-3.dump.333@some-other-host.789.partial", Duration.ofSeconds(5));
        Path noWriter = partial(".edm-db-4.dump.98765.partial", Duration.ofSeconds(5));

        assertEquals(List.of(killed), StalePartials.remove(db, FAKE));
        assertTrue(Files.notExists(killed));
        assertTrue(Files.exists(live) && Files.exists(otherHost) && Files.exists(noWriter));
    }

    @Test
    void pruneRemovesAGoneWritersPartialAtOnceKeepsALiveOneHoweverOldAndAgesTheRest() throws IOException {
        Path killed = partial(".edm-db-1.dump." + "111@" + host + ".123.partial", Duration.ofSeconds(5));
        Path live = partial(".edm-db-2.dump." + "222@" + host + ".456.partial", Duration.ofHours(10));
        Path oldUnknown = partial(".edm-db-3.dump.333@some-other-host.789.partial", Duration.ofHours(10));
        Path freshUnknown = partial(".edm-db-4.dump.98765.partial", Duration.ofSeconds(5));

        List<Path> planned = BackupPruner.plan(env(), env().catalogue(), Instant.now(), FAKE).stream().map(BackupPruner.Deletion::file)
                .toList();
        assertEquals(Set.of(killed, oldUnknown), Set.copyOf(planned));
        BackupPruner.Deletion d = BackupPruner.plan(env(), env().catalogue(), Instant.now(), FAKE).stream()
                .filter(x -> x.file().equals(killed)).findFirst().orElseThrow();
        assertTrue(d.line().contains("killed backup"), d.line());
        assertTrue(Files.exists(live) && Files.exists(freshUnknown));
    }

    @Test
    void aPartialBeingWrittenNamesThisProcessAndCountsAsRunning() throws IOException {
        try (AtomicFile f = AtomicFile.create(db.resolve("edm-db-5.dump"))) {
            String name = f.temp().getFileName().toString();
            assertTrue(name.startsWith(".edm-db-5.dump." + LocalProcess.pid() + "@" + host + "."), name);
            assertEquals(StalePartials.Writer.RUNNING, StalePartials.writer(f.temp(), Instant.now(), StalePartials.PROCESSES));
            assertEquals(List.of(), StalePartials.remove(db, StalePartials.PROCESSES));
            assertTrue(Files.exists(f.temp()));
        }
    }
}
