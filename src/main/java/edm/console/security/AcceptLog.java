package edm.console.security;

import edm.console.backup.AtomicFile;
import edm.console.backup.AuditLog;
import edm.console.config.SecuritySettings.AcceptedRisk;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Silencing a risk is a decision someone must answer for: when {@code security.accept} differs from the
 * list seen last (kept in the state dir), the change goes to the audit log with who made the run.
 */
final class AcceptLog {
    static final String FILE = "accepted.txt";

    private AcceptLog() {
    }

    /** Records a change of the accept list; a finding when it could not (so a silent change cannot pass unnoticed). */
    static List<Finding> record(SecurityContext ctx) {
        TreeSet<String> now = lines(ctx.settings().accept);
        Path state = ctx.stateDir().resolve(FILE);
        try {
            TreeSet<String> before = Files.exists(state)
                    ? new TreeSet<>(Files.readAllLines(state, StandardCharsets.UTF_8)) : new TreeSet<>();
            before.remove("");
            if (before.equals(now)) {
                return List.of();
            }
            TreeSet<String> added = new TreeSet<>(now);
            added.removeAll(before);
            TreeSet<String> removed = new TreeSet<>(before);
            removed.removeAll(now);
            Map<String, String> env = System.getenv();
            AuditLog.append(ctx.projectDir(), new AuditLog.Entry(ctx.clock().now(), AuditLog.who(env), env.get("SSH_CONNECTION"),
                    "security.accept", "security.accept", "added: " + shown(added) + " | removed: " + shown(removed),
                    "changed", "", Duration.ZERO.toMillis()));
            Files.createDirectories(ctx.stateDir());
            AtomicFile.write(state, String.join("\n", now) + "\n");
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(Finding.of("security.audit", ProbeStatus.WARNING, Messages.t("security.title.security.audit"),
                    Messages.t("security.audit.failed", state, e.getMessage()), Messages.t("security.fix.audit")));
        }
    }

    /** The state's lines as the audit log shows them: rule (reason). */
    private static String shown(TreeSet<String> lines) {
        return String.join("; ", lines.stream().map(l -> l.replaceFirst("\t(.*)$", " ($1)")).toList());
    }

    private static TreeSet<String> lines(List<AcceptedRisk> accept) {
        TreeSet<String> out = new TreeSet<>();
        for (AcceptedRisk a : accept) {
            // One line per risk; tabs and newlines in the reason would break the file's format.
            out.add(a.rule + "\t" + String.valueOf(a.reason).replaceAll("[\\t\\r\\n]+", " "));
        }
        return out;
    }
}
