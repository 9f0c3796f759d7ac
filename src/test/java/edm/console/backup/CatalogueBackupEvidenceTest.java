package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.checklist.AutomaticChecks;
import edm.console.checklist.BackupEvidence;
import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Outcome;
import edm.console.cli.CatalogueBackupEvidence;
import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.StyledText;
import edm.console.ui.panels.BackupLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "backup completed" checklist item, the Backups panel, {@code backup status} and {@code check} read
 * the same verification record from the manifest, and agree on it.
 */
class CatalogueBackupEvidenceTest {
    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    private final Messages m = new Messages(Locale.ENGLISH);
    private final Format f = new Format(m, ZoneOffset.UTC);
    @TempDir
    Path project;

    static final Verification PASSED = Verification.passed(NOW.minusSeconds(60), 812, 7, 7, 10, List.of("x.dump: pg_restore --list"), List.of());
    static final Verification NO_TABLES = Verification.failed(NOW.minusSeconds(60), 0, 0, 7, 10,
            "the dump holds no tables (0 entries) but the live database has 7", List.of());

    private void backup(Path dir, String id, Instant created, Verification v, boolean complete, boolean encrypted) throws IOException {
        Files.createDirectories(dir);
        String part = id + ".dump";
        Files.write(dir.resolve(part), new byte[complete ? 10 : 3]);
        BackupJson.writeManifest(dir, new BackupManifest(1, id, BackupKind.DATABASE, created, 10, "x", encrypted, "", "", null,
                v, 0, List.of(new BackupManifest.Part(part, "dump", 10, "x", 10)), null));
    }

    private ConsoleConfig config() {
        ConsoleConfig config = new ConsoleConfig();
        config.projectDir = project.toString();
        return config;
    }

    @Test
    void theNewestCompleteDatabaseBackupDecidesAndANeverVerifiedOneDoesNotCount() throws Exception {
        ConsoleConfig config = config();
        Path dir = project.resolve(config.backups.databaseDir);
        CatalogueBackupEvidence evidence = new CatalogueBackupEvidence(config);
        assertEquals(Optional.empty(), evidence.newestDatabaseBackup());
        var item = ChecklistLoader.load(null).checklists().get("pre-deploy").items().get(4);
        AutomaticChecks checks = new AutomaticChecks(List::of, evidence, null, config, () -> NOW);

        backup(dir, "db-old", NOW.minus(Duration.ofHours(50)), PASSED, true, true);
        assertEquals(Outcome.FAIL, checks.run(item).outcome(), "50 h is over the 26 h limit");
        backup(dir, "db-truncated", NOW.minus(Duration.ofHours(1)), PASSED, false, true);
        assertEquals("db-old", evidence.newestDatabaseBackup().orElseThrow().id(), "an incomplete backup is not a backup");

        backup(dir, "db-unverified", NOW.minus(Duration.ofHours(2)), null, true, true);
        assertEquals(BackupEvidence.Verified.NEVER, evidence.newestDatabaseBackup().orElseThrow().verified());
        assertEquals(Outcome.FAIL, checks.run(item).outcome(), "never verified is not verified");

        backup(dir, "db-fresh", NOW.minus(Duration.ofHours(1).plusMinutes(30)), PASSED, true, true);
        ItemResult pass = checks.run(item);
        assertEquals(Outcome.PASS, pass.outcome());
        assertTrue(pass.details().get(0).contains("812 entries, 7 tables"), pass.details().toString());
    }

    /** The defect: verify said OK, the TUI said failed and recorded verifiedAt, the checklist counted it. Now one record, one answer. */
    @Test
    void aFailedVerificationReadsAsFailedInTheChecklistThePanelStatusAndCheck() throws Exception {
        ConsoleConfig config = config();
        Path dir = project.resolve(config.backups.databaseDir);
        backup(dir, "db-empty", NOW.minus(Duration.ofMinutes(30)), NO_TABLES, true, true);

        var item = ChecklistLoader.load(null).checklists().get("pre-deploy").items().get(4);
        ItemResult r = new AutomaticChecks(List::of, new CatalogueBackupEvidence(config), null, config, () -> NOW).run(item);
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.value().contains("db-empty FAILED verification: the dump holds no tables"), r.value());

        BackupEnvironment env = BackupEnvironment.from(config, () -> null, () -> NOW);
        BackupStatus status = new BackupService(env).status().get(BackupKind.DATABASE);
        assertEquals(null, status.verifiedAt(), "no verifiedAt for a failed verification");
        assertEquals(ProbeStatus.CRITICAL, status.worst());
        String panel = text(BackupLines.render(Map.of(BackupKind.DATABASE, status), null, null, NOW, m, f));
        assertTrue(panel.contains("FAILED verification: the dump holds no tables (0 entries) but the live database has 7 (backup db-empty)"), panel);
        assertFalse(panel.contains("verified 30m ago"), panel);
        ProbeResult probe = BackupProbes.of(Map.of(BackupKind.DATABASE, status), NOW).get(0);
        assertEquals(ProbeStatus.CRITICAL, probe.status(), "check: critical, exit 2");
        assertTrue(probe.error().contains("FAILED verification"), probe.error());
    }

    @Test
    void aPassedButUnencryptedBackupIsAWarningWithTheFixEverywhere() throws Exception {
        ConsoleConfig config = config();
        Path dir = project.resolve(config.backups.databaseDir);
        backup(dir, "db-plain", NOW.minus(Duration.ofMinutes(30)), PASSED, true, false);

        var item = ChecklistLoader.load(null).checklists().get("pre-deploy").items().get(4);
        ItemResult r = new AutomaticChecks(List::of, new CatalogueBackupEvidence(config), null, config, () -> NOW).run(item);
        assertEquals(Outcome.WARN, r.outcome());
        assertTrue(r.value().contains("edm-console backup keygen"), r.value());

        BackupStatus status = new BackupService(BackupEnvironment.from(config, () -> null, () -> NOW)).status().get(BackupKind.DATABASE);
        assertEquals(ProbeStatus.WARNING, status.worst());
        String panel = text(BackupLines.render(Map.of(BackupKind.DATABASE, status), null, null, NOW, m, f));
        assertTrue(panel.contains("verified 1m ago: 812 entries, 7 tables (live database: 7 tables)"), panel);
        assertTrue(panel.contains("NOT encrypted (backup db-plain): run edm-console backup keygen") && panel.contains("edm-console backup keygen") && panel.contains("off this server"), panel);
        ProbeResult probe = BackupProbes.of(Map.of(BackupKind.DATABASE, status), NOW).get(0);
        assertEquals(ProbeStatus.WARNING, probe.status());
        assertTrue(probe.error().contains("edm-console backup keygen"), probe.error());

        backup(dir, "db-sealed", NOW.minus(Duration.ofMinutes(10)), PASSED, true, true);
        BackupStatus sealed = new BackupService(BackupEnvironment.from(config, () -> null, () -> NOW)).status().get(BackupKind.DATABASE);
        assertEquals(List.of(), sealed.findings(m, f), "fresh, verified, encrypted: nothing to say");
        assertEquals(ProbeStatus.OK, BackupProbes.of(Map.of(BackupKind.DATABASE, sealed), NOW).get(0).status());
    }

    static String text(List<List<StyledText>> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> {
            l.forEach(t -> sb.append(t.text()));
            sb.append('\n');
        });
        return sb.toString();
    }
}
