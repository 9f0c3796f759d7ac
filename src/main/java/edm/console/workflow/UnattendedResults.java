package edm.console.workflow;

import edm.console.backup.AtomicFile;
import edm.console.core.Secrets;
import edm.console.core.UnattendedResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of work finished while nobody was watching ({@value #FILE} in the state dir, one JSON line per
 * result): written by a console whose terminal went away, read by the next console, which shows it in a
 * banner until an operator dismisses it.
 */
public final class UnattendedResults {
    public static final String FILE = "finished-while-away.jsonl";

    private final Path file;

    public UnattendedResults(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void add(UnattendedResult r) {
        UnattendedResult masked = new UnattendedResult(r.what(), r.subject(), r.ok(), Secrets.maskUrlPasswords(r.result()),
                r.user(), r.host(), r.started(), r.finished(), r.terminalLostAt());
        try {
            AtomicFile.appendLine(file, WorkflowJson.line(masked));
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.io", file, e.getMessage()));
        }
    }

    /** Oldest first; a line cut by a crash is skipped; nothing when the file is missing or unreadable. */
    public List<UnattendedResult> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        List<UnattendedResult> out = new ArrayList<>();
        for (String l : lines) {
            try {
                out.add(WorkflowJson.MAPPER.readValue(l, UnattendedResult.class));
            } catch (IOException torn) {
                // a torn or foreign line: not a result
            }
        }
        return out;
    }

    /** Dismissed: the results have been seen. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.journal.io", file, e.getMessage()));
        }
    }
}
