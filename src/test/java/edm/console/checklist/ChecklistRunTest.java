package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChecklistRunTest {
    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    static final Clock CLOCK = () -> NOW;
    final ChecklistLoader.Loaded builtIn = ChecklistLoader.load(null);

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    static ProbeResult probe(String kind, String target, ProbeStatus s, String value) {
        return new ProbeResult(kind + ":" + target, kind, target, s, value, Duration.ZERO, NOW, s == ProbeStatus.OK ? "" : "down",
                Map.of());
    }

    /** The evidence of one encrypted database backup taken at {@code created} that passed verification. */
    static BackupEvidence verified(Instant created) {
        return TestBackups.verified(created);
    }

    static AutomaticChecks checks(List<ProbeResult> probes, BackupEvidence backups) {
        return new AutomaticChecks(() -> probes, backups, null, new ConsoleConfig(), CLOCK);
    }

    @Test
    void containersPassOnlyWhenEveryContainerIsOk() {
        Checklist.Item running = builtIn.checklists().get("daily").items().get(0);
        ItemResult ok = checks(List.of(probe("container", "edm-backend", ProbeStatus.OK, "running"),
                probe("container", "edm-nginx", ProbeStatus.OK, "running")), null).run(running);
        assertEquals(Outcome.PASS, ok.outcome());
        assertEquals("all 2 OK", ok.value());
        assertEquals(NOW, ok.at());
        ItemResult bad = checks(List.of(probe("container", "edm-backend", ProbeStatus.CRITICAL, "exited"),
                probe("container", "edm-nginx", ProbeStatus.OK, "running")), null).run(running);
        assertEquals(Outcome.FAIL, bad.outcome());
        assertTrue(bad.value().startsWith("1 of 2 not OK: edm-backend"), bad.value());
        assertEquals(List.of("edm-backend: CRITICAL exited (down)", "edm-nginx: OK running"), bad.details());
    }

    @Test
    void noMatchingProbeIsUnknownNotAPass() {
        Checklist.Item db = builtIn.checklists().get("post-deploy").items().get(3);
        assertEquals(Outcome.UNKNOWN, checks(List.of(), null).run(db).outcome());
    }

    @Test
    void backupWithoutACatalogueIsUnknownAndTheAgeDecidesOtherwise() {
        Checklist.Item backup = builtIn.checklists().get("pre-deploy").items().get(4);
        ItemResult unbound = checks(List.of(), null).run(backup);
        assertEquals(Outcome.UNKNOWN, unbound.outcome());
        assertTrue(unbound.value().startsWith("not available"), unbound.value());
        assertEquals(Outcome.PASS, checks(List.of(), verified(NOW.minus(Duration.ofHours(3)))).run(backup).outcome());
        ItemResult old = checks(List.of(), verified(NOW.minus(Duration.ofHours(30)))).run(backup);
        assertEquals(Outcome.FAIL, old.outcome());
        assertTrue(old.value().contains("30.0 h old, over the limit of 26 h"), old.value());
        assertEquals(Outcome.FAIL, checks(List.of(), Optional::empty).run(backup).outcome());
    }

    @Test
    void theBackupItemReadsTheVerificationRecordFailedOrNeverIsAFailAndUnencryptedAWarningWithTheFix() {
        Checklist.Item backup = builtIn.checklists().get("pre-deploy").items().get(4);
        Instant fresh = NOW.minus(Duration.ofHours(1));
        ItemResult failed = checks(List.of(), () -> Optional.of(new BackupEvidence.NewestBackup("db-9", fresh, true,
                BackupEvidence.Verified.FAILED, "the dump holds no tables (0 entries) but the live database has 7"))).run(backup);
        assertEquals(Outcome.FAIL, failed.outcome());
        assertTrue(failed.value().contains("db-9 FAILED verification: the dump holds no tables"), failed.value());
        ItemResult never = checks(List.of(), () -> Optional.of(new BackupEvidence.NewestBackup("db-8", fresh, true,
                BackupEvidence.Verified.NEVER, ""))).run(backup);
        assertEquals(Outcome.FAIL, never.outcome());
        assertTrue(never.value().contains("db-8 is not verified"), never.value());
        ItemResult plain = checks(List.of(), () -> Optional.of(new BackupEvidence.NewestBackup("db-7", fresh, false,
                BackupEvidence.Verified.PASSED, "812 entries"))).run(backup);
        assertEquals(Outcome.WARN, plain.outcome());
        assertTrue(plain.value().contains("NOT encrypted") && plain.value().contains("edm-console backup keygen")
                && plain.value().contains("off this server"), plain.value());
        ItemResult good = checks(List.of(), verified(fresh)).run(backup);
        assertEquals(Outcome.PASS, good.outcome());
        assertEquals(List.of("db-1: 812 entries, 7 tables (live database: 7 tables), 3 MiB read"), good.details(), "what was checked");
    }

    @Test
    void evaluatingAgainReplacesTheBackupItemOnlyOnceItHasAResult() {
        Checklist.Item backupItem = builtIn.checklists().get("pre-deploy").items().get(4);
        Instant[] newest = {null};
        BackupEvidence moving = () -> newest[0] == null ? Optional.empty() : verified(newest[0]).newestDatabaseBackup();
        ChecklistRun run = new ChecklistRun(builtIn.checklists().get("pre-deploy"), checks(List.of(), moving), new Operator("ops", "local"), CLOCK);
        assertEquals(List.of(), run.evaluateAgain(CheckKind.BACKUP), "not reached yet: nothing to re-check");
        while (!run.current().equals(backupItem)) {
            if (run.current().automatic()) {
                run.runAutomatic();
            } else {
                run.confirm("");
            }
        }
        assertEquals(Outcome.FAIL, run.runAutomatic().outcome(), "no backup yet");
        newest[0] = NOW.minus(Duration.ofMinutes(1));
        List<ItemResult> again = run.evaluateAgain(CheckKind.BACKUP);
        assertEquals(Outcome.FAIL, run.results().get(4).outcome(), "evaluating reads only");
        assertTrue(run.replace(again.get(0)));
        assertEquals(Outcome.PASS, run.results().get(4).outcome());
        assertFalse(run.requiredFailures().stream().anyMatch(r -> r.item().equals(backupItem)));
    }

    @Test
    void probesAreCollectedOnceForAWholeRun() {
        AtomicInteger calls = new AtomicInteger();
        AutomaticChecks c = new AutomaticChecks(() -> {
            calls.incrementAndGet();
            return List.of(probe("disk", "/", ProbeStatus.OK, "40%"), probe("memory", "memory", ProbeStatus.WARNING, "88%"));
        }, null, null, new ConsoleConfig(), CLOCK);
        ChecklistRun run = new ChecklistRun(builtIn.checklists().get("daily"), c, new Operator("ops", "local"), CLOCK);
        run.runAutomatic();
        run.runAutomatic();
        run.runAutomatic();
        ItemResult resources = run.runAutomatic();
        assertEquals(1, calls.get());
        assertEquals(Outcome.WARN, resources.outcome());
        assertTrue(run.finished());
        assertEquals(List.of("services-running"), run.requiredFailures().stream().map(r -> r.item().id()).toList(),
                "no container probe: unknown, which does not satisfy a required item");
    }

    @Test
    void preDeployRefusesWhileARequiredItemFailsAndAllowsOnceFixed() {
        Checklists.Loaded lists = new Checklists.Loaded(builtIn);
        ChecklistRun refused = Checklists.preDeploy(lists, checks(List.of(), verified(NOW.minus(Duration.ofDays(3)))),
                new Operator("ops", "local"), CLOCK);
        List<String> failing = refused.requiredFailures().stream().map(r -> r.item().id()).toList();
        assertTrue(failing.contains("backup-done"), failing.toString());
        ChecklistRun allowed = Checklists.preDeploy(lists, checks(List.of(), verified(NOW.minus(Duration.ofHours(1)))),
                new Operator("ops", "local"), CLOCK);
        while (!allowed.finished()) {
            if (allowed.current().automatic()) {
                assertEquals(Outcome.PASS, allowed.runAutomatic().outcome());
            } else {
                allowed.confirm("done");
            }
        }
        assertEquals(List.of(), allowed.requiredFailures());
    }

    @Test
    void incidentNotesMakeUpTheRunningRecordAndSecretsAreMasked() {
        ChecklistRun run = new ChecklistRun(builtIn.checklists().get("incident"), checks(List.of(), null), new Operator("ops", "local"),
                CLOCK);
        run.confirm("backend 502 for all users");
        run.confirm("errors in backend logs: db refused");
        run.confirm("restarted edm-backend");
        run.skip("restart fixed it");
        run.confirm("postgres://app:hunter2@db/edm was full; raised max_connections");
        run.confirm("");
        Map<String, List<String>> record = run.incidentRecord();
        assertEquals(List.of("backend 502 for all users", "errors in backend logs: db refused"), record.get("seen"));
        assertEquals(List.of("restarted edm-backend", "restart fixed it"), record.get("done"));
        assertTrue(record.get("resolution").get(0).contains("postgres://app:******@db/edm"), record.toString());
        assertEquals(List.of(), record.get("followUp"));
    }
}
