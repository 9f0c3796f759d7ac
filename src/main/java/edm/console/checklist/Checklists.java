package edm.console.checklist;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The entry points the rest of the console uses: where checklist files and reports live, starting a
 * run, and the deploy pre-flight ({@link #preDeploy}).
 */
public final class Checklists {
    /** Checklists of the operator live in {@code checklists/} next to the config file. */
    public static final String DIRECTORY = "checklists";

    private Checklists() {
    }

    public static Path userDirectory(Optional<Path> configFile) {
        return configFile.map(f -> f.toAbsolutePath().getParent().resolve(DIRECTORY)).orElse(null);
    }

    public static Path reportDirectory(ConsoleConfig config) {
        return config.resolve(ReportWriter.DIRECTORY);
    }

    /**
     * The deploy pre-flight: the pre-deploy checklist with its automatic items run. The deploy refuses to
     * start while {@code run.requiredFailures()} is not empty, unless the operator overrides explicitly;
     * the manual items are confirmed through the same run (e.g. in the walkthrough) before asking again.
     */
    public static ChecklistRun preDeploy(Loaded loaded, AutomaticChecks checks, Operator operator, Clock clock) {
        ChecklistRun run = new ChecklistRun(loaded.get("pre-deploy"), checks, operator, clock);
        run.runAllAutomatic();
        return run;
    }

    /** Checklists by name, after loading; {@link #get} fails for an unknown name so callers check {@link #has} first. */
    public record Loaded(ChecklistLoader.Loaded loaded) {
        public boolean has(String name) {
            return loaded.checklists().containsKey(name);
        }

        public Checklist get(String name) {
            Checklist c = loaded.checklists().get(name);
            if (c == null) {
                throw new IllegalArgumentException("no checklist " + name);
            }
            return c;
        }
    }

    public static Loaded load(Optional<Path> configFile) {
        return new Loaded(ChecklistLoader.load(userDirectory(configFile)));
    }

    public static AutomaticChecks checks(Supplier<List<ProbeResult>> probes, BackupEvidence backups, LogErrorEvidence logs,
                                         ConsoleConfig config, Clock clock) {
        return new AutomaticChecks(probes, backups, logs, config, clock);
    }

    /** With the security rules bound: the weekly checklist's 更新系统补丁 and 安全规范 items read their report. */
    public static AutomaticChecks checks(Supplier<List<ProbeResult>> probes, BackupEvidence backups, LogErrorEvidence logs,
                                         SecurityEvidence security, ConsoleConfig config, Clock clock) {
        return new AutomaticChecks(probes, backups, logs, security, config, clock);
    }

    /** Saved reports, newest first (Markdown files). */
    public static List<Path> reports(ConsoleConfig config) throws IOException {
        Path dir = reportDirectory(config);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted(Comparator.reverseOrder()).toList();
        }
    }

    /** A report named by path, by file name, or by the start of its name in the reports directory ("latest" = the newest). */
    public static Optional<Path> findReport(ConsoleConfig config, String ref) throws IOException {
        Path direct = Path.of(ref);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        List<Path> all = reports(config);
        if ("latest".equals(ref)) {
            return all.stream().findFirst();
        }
        return all.stream().filter(p -> p.getFileName().toString().startsWith(ref)
                || p.getFileName().toString().replaceFirst("\\.md$", "").endsWith(ref)).findFirst();
    }
}
