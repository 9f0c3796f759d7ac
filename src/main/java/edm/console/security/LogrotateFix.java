package edm.console.security;

import edm.console.backup.AtomicFile;
import edm.console.security.LogrotateConfig.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code security fix logrotate}: the one fix the console applies itself, since a missing entry is pure
 * addition. The caller shows {@link #text} and asks for a typed confirmation before {@link #write}.
 */
public final class LogrotateFix {
    private final SecurityContext ctx;

    public LogrotateFix(SecurityContext ctx) {
        this.ctx = ctx;
    }

    public Path target() {
        return ctx.host(ctx.settings().logrotateFile);
    }

    public String text() {
        return LogrotateRule.specEntry(ctx);
    }

    /** Entries in other files that already cover the logs: logrotate refuses a log covered twice. */
    public List<String> otherEntries() {
        List<String> out = new ArrayList<>();
        try {
            for (Entry e : LogrotateConfig.read(ctx.host("/etc/logrotate.conf"), ctx.host("/etc/logrotate.d"))) {
                if (!e.file().equals(target()) && LogrotateRule.targets(ctx).stream().anyMatch(e::covers)) {
                    out.add(e.where());
                }
            }
        } catch (IOException e) {
            // Unreadable entries cannot be listed; the write itself says whether it can proceed.
        }
        return out;
    }

    /** Writes the entry (mode 644, as logrotate wants its files: not writable by others, or it skips them). */
    public void write() throws IOException {
        Path t = target();
        AtomicFile.write(t, text());
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
