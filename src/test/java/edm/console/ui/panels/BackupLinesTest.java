package edm.console.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.BackupAttempts;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupLinesTest {
    private final Messages m = new Messages(Locale.ENGLISH);
    private final Format f = new Format(m, ZoneOffset.UTC);
    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void noBackupAndAFailedAttemptStandOut() {
        BackupAttempts.Attempt failed = new BackupAttempts.Attempt(now.minusSeconds(600), BackupKind.DATABASE, "x",
                BackupAttempts.Result.FAILED, "pg_dump: connection refused", 1000);
        Map<BackupKind, BackupStatus> status = new EnumMap<>(BackupKind.class);
        status.put(BackupKind.DATABASE, BackupStatus.of(BackupKind.DATABASE, List.of(), Optional.of(failed), Duration.ofHours(26), now));
        status.put(BackupKind.FILES, BackupStatus.of(BackupKind.FILES, List.of(), Optional.empty(), Duration.ofDays(8), now));
        List<List<StyledText>> lines = BackupLines.render(status, null, "Backing up the database...", now, m, f);
        String all = lines.stream().flatMap(List::stream).map(StyledText::text).reduce("", String::concat);
        assertTrue(all.contains("no backup yet") && all.contains("the policy asks for one at least every 1d 2h"), all);
        assertTrue(!all.contains("older than the policy"), "nothing is older than the policy when there is no backup: " + all);
        assertTrue(all.contains("last attempt failed 10m ago: pg_dump: connection refused"), all);
        assertEquals(Style.WARNING, lines.get(0).get(0).style(), "the running action comes first");
        assertTrue(lines.stream().flatMap(List::stream).filter(t -> t.text().contains("no backup yet"))
                .allMatch(t -> t.style() == Style.CRITICAL));
    }

    @Test
    void aReadErrorIsShownInsteadOfStaleSilence() {
        List<List<StyledText>> lines = BackupLines.render(null, "Cannot read the backups: /opt/edm/backups: denied", null, now, m, f);
        assertEquals(Style.CRITICAL, lines.get(0).get(0).style());
    }
}
