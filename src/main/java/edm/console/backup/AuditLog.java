package edm.console.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import edm.console.core.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The audit log ({@code logs/system/audit.log} in the project dir, JSON lines): who did what to the
 * live system and how it ended. Who: $SUDO_USER (the person behind sudo) else $USER, and
 * $SSH_CONNECTION. Never secrets: the message passes through {@link Secrets#maskUrlPasswords}.
 */
public final class AuditLog {
    public static final String FILE = "logs/system/audit.log";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant time, String user, String ssh, String action, String target, String detail, String result,
                        String message, long durationMillis) {
    }

    private AuditLog() {
    }

    public static String who(Map<String, String> env) {
        // cron and some su/tmux set neither SUDO_USER nor USER: LOGNAME, then the account the process runs as.
        for (String key : new String[] {"SUDO_USER", "USER", "LOGNAME"}) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        String account = System.getProperty("user.name");
        return account == null || account.isBlank() ? "?" : account;
    }

    public static void append(Path projectDir, Entry e) {
        Entry masked = new Entry(e.time(), e.user(), e.ssh(), e.action(), Secrets.maskUrlPasswords(e.target()),
                Secrets.maskUrlPasswords(e.detail()), e.result(), Secrets.maskUrlPasswords(e.message()), e.durationMillis());
        try {
            AtomicFile.appendLine(projectDir.resolve(FILE), BackupJson.line(masked));
        } catch (IOException ex) {
            throw new BackupException(ex, "backup.error.audit", projectDir.resolve(FILE), BackupException.describe(ex));
        }
    }
}
