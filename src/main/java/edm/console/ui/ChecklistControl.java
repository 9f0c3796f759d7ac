package edm.console.ui;

import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the checklist walkthrough needs from outside the UI: the checklists, a new run (bound to the
 * probes, the backup catalogue and the operator), and saving its report. {@code start} is quick; the
 * automatic checks of a run are evaluated on a worker thread by the UI.
 */
public interface ChecklistControl {
    List<Checklist> checklists();

    ChecklistRun start(Checklist checklist);

    /** Saves the report; returns the Markdown file. */
    Path save(ChecklistRun run) throws IOException;

    /** For a console without checklists (tests of other parts). */
    ChecklistControl NONE = new ChecklistControl() {
        @Override
        public List<Checklist> checklists() {
            return List.of();
        }

        @Override
        public ChecklistRun start(Checklist checklist) {
            throw new IllegalStateException("no checklists");
        }

        @Override
        public Path save(ChecklistRun run) {
            throw new IllegalStateException("no checklists");
        }
    };
}
