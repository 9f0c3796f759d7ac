package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupStatusTest {
    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private static final Duration DAY_POLICY = Duration.ofHours(26);

    private static BackupAttempts.Attempt attempt(BackupAttempts.Result r, String msg) {
        return new BackupAttempts.Attempt(NOW.minusSeconds(60), BackupKind.DATABASE, "db-x", r, msg, 10);
    }

    @Test
    void newestSizeAgeCountAndSpaceComeFromTheGoodBackups() {
        List<BackupRecord> good = List.of(RetentionPolicyTest.rec("2025-02-01T03:00v"), RetentionPolicyTest.rec("2025-01-31T03:00"));
        BackupStatus s = BackupStatus.of(BackupKind.DATABASE, good, Optional.empty(), DAY_POLICY, NOW);
        assertEquals("2025-02-01T03:00", s.newest().id());
        assertEquals(Duration.ofHours(9), s.age());
        assertEquals(2, s.count());
        assertEquals(20, s.bytesUsed());
        assertEquals(Instant.parse("2025-02-01T03:01:00Z"), s.verifiedAt());
        assertFalse(s.overdue());
        assertNull(s.lastFailure());
    }

    @Test
    void overdueWhenOlderThanThePolicyOrWhenThereIsNone() {
        BackupStatus old = BackupStatus.of(BackupKind.DATABASE, List.of(RetentionPolicyTest.rec("2025-01-31T09:00")),
                Optional.empty(), DAY_POLICY, NOW);
        assertTrue(old.overdue(), "27 h > 26 h");
        BackupStatus justInside = BackupStatus.of(BackupKind.DATABASE, List.of(RetentionPolicyTest.rec("2025-01-31T10:00")),
                Optional.empty(), DAY_POLICY, NOW);
        assertFalse(justInside.overdue(), "26 h exactly is within the policy");
        BackupStatus none = BackupStatus.of(BackupKind.DATABASE, List.of(), Optional.empty(), DAY_POLICY, NOW);
        assertTrue(none.overdue());
        assertNull(none.age());
    }

    @Test
    void lastFailureShowsOnlyWhenTheNewestAttemptFailed() {
        var good = List.of(RetentionPolicyTest.rec("2025-02-01T03:00"));
        assertEquals("disk full", BackupStatus.of(BackupKind.DATABASE, good,
                Optional.of(attempt(BackupAttempts.Result.FAILED, "disk full")), DAY_POLICY, NOW).lastFailure().message());
        assertNull(BackupStatus.of(BackupKind.DATABASE, good, Optional.of(attempt(BackupAttempts.Result.OK, "")), DAY_POLICY, NOW)
                .lastFailure());
    }
}
