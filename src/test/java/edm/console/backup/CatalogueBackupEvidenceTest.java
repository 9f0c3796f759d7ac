package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.checklist.AutomaticChecks;
import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.Outcome;
import edm.console.cli.CatalogueBackupEvidence;
import edm.console.config.ConsoleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "backup completed" checklist item reads the catalogue: only complete, verified database backups count. */
class CatalogueBackupEvidenceTest {
    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    @TempDir
    Path project;

    private void backup(Path dir, String id, Instant created, boolean verified, boolean complete) throws IOException {
        Files.createDirectories(dir);
        String part = id + ".dump";
        Files.write(dir.resolve(part), new byte[complete ? 10 : 3]);
        BackupJson.writeManifest(dir, new BackupManifest(1, id, BackupKind.DATABASE, created, 10, "x", false, "", "", null,
                verified ? created.plusSeconds(60) : null, 0, List.of(new BackupManifest.Part(part, "dump", 10, "x", 10)), null));
    }

    @Test
    void newestVerifiedCompleteDatabaseBackupDecides() throws IOException {
        ConsoleConfig config = new ConsoleConfig();
        config.projectDir = project.toString();
        Path dir = project.resolve(config.backups.databaseDir);
        CatalogueBackupEvidence evidence = new CatalogueBackupEvidence(config);
        assertEquals(Optional.empty(), evidence.newestVerifiedDatabaseBackup());

        backup(dir, "db-old", NOW.minus(Duration.ofHours(50)), true, true);
        backup(dir, "db-unverified", NOW.minus(Duration.ofHours(2)), false, true);
        backup(dir, "db-truncated", NOW.minus(Duration.ofHours(1)), true, false);
        assertEquals(Optional.of(NOW.minus(Duration.ofHours(50))), evidence.newestVerifiedDatabaseBackup());

        var item = ChecklistLoader.load(null).checklists().get("pre-deploy").items().get(4);
        AutomaticChecks checks = new AutomaticChecks(List::of, evidence, null, config, () -> NOW);
        assertEquals(Outcome.FAIL, checks.run(item).outcome(), "50 h is over the 26 h limit");

        backup(dir, "db-fresh", NOW.minus(Duration.ofHours(3)), true, true);
        assertEquals(Outcome.PASS, checks.run(item).outcome());
    }
}
