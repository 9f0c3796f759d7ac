package edm.console.workflow;

import edm.console.backup.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal of the running workflow ({@value #CURRENT} in the state dir): one fsynced JSON line before
 * and after every step, each carrying what the step learned (container ids, names). A journal still there
 * when a console starts is an unfinished workflow; {@link #finish()} moves it to {@code journal/} once the
 * workflow has ended either way.
 */
public final class Journal {
    public static final String CURRENT = "current.journal";

    public record Entry(Instant time, String workflow, String step, String phase, Map<String, String> data) {
        public Entry {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }

    /** What an unfinished journal says: all entries, and every data field folded (later wins). */
    public record Contents(List<Entry> entries, Map<String, String> data) {
        public Entry last() {
            return entries.get(entries.size() - 1);
        }

        public String workflow() {
            return entries.get(0).workflow();
        }
    }

    private final Path dir;
    private final String workflow;

    private Journal(Path dir, String workflow) {
        this.dir = dir;
        this.workflow = workflow;
    }

    /** Starts a new journal; refuses when an unfinished one is there (it must be recovered first). */
    public static Journal start(Path stateDir, String workflow, Map<String, String> plan) {
        if (Files.exists(stateDir.resolve(CURRENT))) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.unfinished", stateDir.resolve(CURRENT)));
        }
        Journal j = new Journal(stateDir, workflow);
        j.write("plan", "begin", plan);
        return j;
    }

    /** Continues an unfinished journal (resume or roll back after a crash). */
    public static Journal reopen(Path stateDir, String workflow) {
        return new Journal(stateDir, workflow);
    }

    public void write(String step, String phase, Map<String, String> data) {
        try {
            AtomicFile.appendLine(dir.resolve(CURRENT), WorkflowJson.line(new Entry(Instant.now(), workflow, step, phase, data)));
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.io", dir.resolve(CURRENT), e.getMessage()));
        }
    }

    /** Files the finished journal under journal/ (kept for the record) so that no recovery is offered. */
    public void finish() {
        try {
            Path done = dir.resolve("journal");
            Files.createDirectories(done);
            Files.move(dir.resolve(CURRENT), done.resolve(workflow + ".journal"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException ignored) {
            // nothing journaled
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.io", dir.resolve(CURRENT), e.getMessage()));
        }
    }

    /** The unfinished workflow's journal, if any. A torn last line (crash mid-write) is ignored. */
    public static Optional<Contents> unfinished(Path stateDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateDir.resolve(CURRENT));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.io", stateDir.resolve(CURRENT), e.getMessage()));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> data = new LinkedHashMap<>();
        for (String l : lines) {
            try {
                Entry e = WorkflowJson.MAPPER.readValue(l, Entry.class);
                entries.add(e);
                data.putAll(e.data());
            } catch (IOException torn) {
                // a line cut by a crash: the step it describes is treated as not written
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new Contents(entries, data));
    }
}
