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

    /**
     * One line. {@code user}, {@code host} and {@code pid} name the process that wrote it, so that a reader can
     * tell whether the workflow holding the lock is the one this journal describes (and at which step it is).
     */
    public record Entry(Instant time, String workflow, String step, String phase, Map<String, String> data, String user, String host,
                        Long pid) {
        public Entry {
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        /** Whether this line was written by the lock's holder (same process on the same host). */
        public boolean writtenBy(WorkflowLock.Holder h) {
            return pid != null && pid == h.pid() && h.host().equals(host);
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

        /** Who started it (the first line's writer). */
        public Entry first() {
            return entries.get(0);
        }
    }

    private final Path dir;
    private final String workflow;
    private final Operator writer;

    private Journal(Path dir, String workflow, Operator writer) {
        this.dir = dir;
        this.workflow = workflow;
        this.writer = writer;
    }

    /** Starts a new journal; refuses when an unfinished one is there (it must be recovered first). */
    public static Journal start(Path stateDir, String workflow, Map<String, String> plan) {
        return start(stateDir, Operator.current(System.getenv()), workflow, plan);
    }

    public static Journal start(Path stateDir, Operator writer, String workflow, Map<String, String> plan) {
        Optional<Occupant> pending = unfinished(stateDir).map(Occupant::cut);
        if (pending.isPresent()) {
            throw new WorkflowException(pending.get().refusal());
        }
        Journal j = new Journal(stateDir, workflow, writer);
        j.write("plan", "begin", plan);
        return j;
    }

    /** Continues an unfinished journal (resume or roll back after a crash). */
    public static Journal reopen(Path stateDir, Operator writer, String workflow) {
        return new Journal(stateDir, workflow, writer);
    }

    public void write(String step, String phase, Map<String, String> data) {
        try {
            AtomicFile.appendLine(dir.resolve(CURRENT), WorkflowJson.line(new Entry(Instant.now(), workflow, step, phase, data, writer.user(),
                    writer.host(), writer.pid())));
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
