package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs and removes the schedule: first a {@link Plan} (what would be written, replaced, removed and
 * which systemctl calls follow), which {@code --dry-run} prints and {@link #apply} carries out. Installing
 * twice changes nothing the second time; a file without {@link ScheduleFiles#MARKER} is never replaced or
 * removed (it is the operator's); each file is written to a temp file and renamed, so cron and systemd
 * never read half of one.
 */
public final class ScheduleInstaller {
    public enum Action { CREATE, REPLACE, UNCHANGED, REMOVE, FOREIGN }

    /** One file and what happens to it; text is null for a removal. */
    public record Change(Path file, Action action, String text) {
    }

    /** The changes and the systemctl calls after them (none when nothing changed or the root is not the live one). */
    public record Plan(ScheduleTarget target, List<Change> changes, List<List<String>> systemctl) {
        public boolean refused() {
            return changes.stream().anyMatch(c -> c.action() == Action.FOREIGN);
        }

        public boolean changesSomething() {
            return changes.stream().anyMatch(c -> c.action() != Action.UNCHANGED && c.action() != Action.FOREIGN);
        }
    }

    private ScheduleInstaller() {
    }

    public static Plan install(ScheduleSettings s, JobCommand command) throws IOException {
        ScheduleTarget t = ScheduleTarget.of(s);
        Map<Path, String> wanted = new LinkedHashMap<>();
        if (t.backend() == ScheduleTarget.Backend.SYSTEMD) {
            ScheduleFiles.systemd(s, command).forEach((name, text) -> wanted.put(t.unit(name), text));
        } else {
            wanted.put(t.cronFile(), ScheduleFiles.cron(s, command));
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Path, String> w : wanted.entrySet()) {
            Optional<String> now = read(w.getKey());
            Action a = now.isEmpty() ? Action.CREATE : !ours(now.get()) ? Action.FOREIGN
                    : now.get().equals(w.getValue()) ? Action.UNCHANGED : Action.REPLACE;
            changes.add(new Change(w.getKey(), a, w.getValue()));
        }
        // Ours but no longer wanted: a job turned off, or the other backend's files from an earlier install.
        for (Path p : installed(t)) {
            if (!wanted.containsKey(p)) {
                changes.add(new Change(p, Action.REMOVE, null));
            }
        }
        return new Plan(t, changes, systemctl(t, s, changes, false));
    }

    public static Plan remove(ScheduleSettings s) throws IOException {
        ScheduleTarget t = ScheduleTarget.of(s);
        List<Change> changes = installed(t).stream().map(p -> new Change(p, Action.REMOVE, null)).toList();
        return new Plan(t, changes, systemctl(t, s, changes, true));
    }

    /** Writes and removes the plan's files; the caller runs its systemctl calls. Nothing is written when the plan is refused. */
    public static void apply(Plan plan) throws IOException {
        if (plan.refused()) {
            return;
        }
        for (Change c : plan.changes()) {
            switch (c.action()) {
                case CREATE, REPLACE -> write(c.file(), c.text());
                case REMOVE -> Files.deleteIfExists(c.file());
                default -> {
                }
            }
        }
    }

    /** The console's files present now: edm-console-*.service/.timer in the unit dir and the cron file, each with the marker. */
    public static List<Path> installed(ScheduleTarget t) throws IOException {
        List<Path> ours = new ArrayList<>();
        if (Files.isDirectory(t.unitDir())) {
            try (DirectoryStream<Path> d = Files.newDirectoryStream(t.unitDir(), "edm-console-*.{service,timer}")) {
                for (Path p : d) {
                    if (read(p).filter(ScheduleInstaller::ours).isPresent()) {
                        ours.add(p);
                    }
                }
            }
        }
        if (read(t.cronFile()).filter(ScheduleInstaller::ours).isPresent()) {
            ours.add(t.cronFile());
        }
        ours.sort(null);
        return ours;
    }

    private static List<List<String>> systemctl(ScheduleTarget t, ScheduleSettings s, List<Change> changes, boolean removing) {
        boolean unitsChange = changes.stream().anyMatch(c -> c.file().startsWith(t.unitDir())
                && c.action() != Action.UNCHANGED && c.action() != Action.FOREIGN);
        List<List<String>> calls = new ArrayList<>();
        if (!t.live() || !Files.isDirectory(Path.of("/run/systemd/system"))) {
            return calls;
        }
        for (Change c : changes) {
            if (c.action() == Action.REMOVE && c.file().toString().endsWith(".timer")) {
                calls.add(List.of("systemctl", "disable", "--now", c.file().getFileName().toString()));
            }
        }
        if (unitsChange) {
            calls.add(List.of("systemctl", "daemon-reload"));
        }
        if (!removing && t.backend() == ScheduleTarget.Backend.SYSTEMD) {
            for (ScheduledJob job : ScheduledJob.values()) {
                if (job.enabled(s)) {
                    // enable --now again is harmless, and starts a timer an operator stopped by hand.
                    calls.add(List.of("systemctl", "enable", "--now", job.unitName() + ".timer"));
                }
            }
        }
        return calls;
    }

    static boolean ours(String text) {
        return text.startsWith(ScheduleFiles.MARKER);
    }

    private static Optional<String> read(Path p) throws IOException {
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** cron ignores a cron.d file writable by group or others, so 644 whatever the umask. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
