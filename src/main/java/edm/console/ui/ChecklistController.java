package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.backup.BackupKind;
import edm.console.checklist.CheckKind;
import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Outcome;
import edm.console.i18n.Messages;
import edm.console.ui.keys.Action;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Keys of the checklist view: pick a checklist, then walk it. Automatic items are checked on a worker
 * thread as soon as they are reached (the result comes back as an event); manual ones wait for y
 * (confirm), n (confirm with a note) or s (skip with a reason, asked on the prompt line). The report
 * is saved when the walk ends or is left early.
 */
final class ChecklistController {
    private final UiState state;
    private final UiContext ctx;
    private final ChecklistControl control;
    private final ExecutorService actions;
    private final Consumer<UiEvent> post;
    private final BiConsumer<String, Style> flash;
    private final Consumer<List<String>> openLogs;
    private Runnable runBackup = () -> { };
    /**
     * Told when the operator leaves a walk (Esc): a deploy waiting behind it asks its gate again. Not when the
     * last item is answered: a y meant for the walk must never reach the deploy's own y.
     */
    private Runnable walkEnded = () -> { };

    /** @param openLogs shows the Logs panel with these containers' logs */
    ChecklistController(UiState state, UiContext ctx, ChecklistControl control, ExecutorService actions, Consumer<UiEvent> post,
                        BiConsumer<String, Style> flash, Consumer<List<String>> openLogs) {
        this.openLogs = openLogs;
        this.state = state;
        this.ctx = ctx;
        this.control = control;
        this.actions = actions;
        this.post = post;
        this.flash = flash;
    }

    /** The "run a backup now" action offered by items such as 备份已完成. */
    void onRunBackup(Runnable r) {
        this.runBackup = r;
    }

    void onWalkEnded(Runnable r) {
        this.walkEnded = r;
    }

    /**
     * Opens the walk of the checklist with this name (the deploy's gate: "walk it now"), going on with an
     * unfinished walk of it; false when there is no such checklist.
     */
    boolean walk(String name) {
        ChecklistState s = state.checklist;
        state.view = UiState.View.CHECKLIST;
        if (s.run != null && !s.run.finished() && s.run.checklist().name().equals(name)) {
            return true;
        }
        for (Checklist c : control.checklists()) {
            if (c.name().equals(name)) {
                s.run = control.start(c);
                s.checking = false;
                advance();
                return true;
            }
        }
        state.view = UiState.View.DASHBOARD;
        return false;
    }

    List<Checklist> checklists() {
        return control.checklists();
    }

    void open() {
        state.view = UiState.View.CHECKLIST;
        if (state.checklist.run == null) {
            state.checklist.selected = Math.max(0, Math.min(state.checklist.selected, control.checklists().size() - 1));
        }
    }

    /** Actions in the picker. */
    void pickerAction(Action a) {
        ChecklistState s = state.checklist;
        int n = control.checklists().size();
        switch (a) {
            case UP -> s.selected = Math.max(0, s.selected - 1);
            case DOWN -> s.selected = Math.max(0, Math.min(n - 1, s.selected + 1));
            case APPLY -> {
                if (n > 0) {
                    s.run = control.start(control.checklists().get(s.selected));
                    advance();
                }
            }
            case BACK -> state.view = UiState.View.DASHBOARD;
            default -> {
            }
        }
    }

    /** Actions while walking a run. */
    void walkAction(Action a) {
        ChecklistState s = state.checklist;
        ChecklistRun run = s.run;
        if (run == null) {
            return;
        }
        switch (a) {
            case CONFIRM -> {
                if (!run.finished() && !s.checking) {
                    run.confirm("");
                    advance();
                }
            }
            case NOTE, SKIP -> {
                if (!run.finished() && !s.checking) {
                    s.promptKind = a == Action.NOTE ? ChecklistState.PromptKind.NOTE : ChecklistState.PromptKind.REASON;
                    s.editor = new LineEditor("");
                }
            }
            case RUN_BACKUP -> runBackup.run();
            case OPEN_LOGS -> {
                List<String> failing = run.results().stream().flatMap(r -> r.failingContainers().stream()).distinct().toList();
                if (failing.isEmpty()) {
                    flash.accept(ctx.messages().get("checklist.ui.nothingFailing"), Style.WARNING);
                } else {
                    openLogs.accept(failing); // the walk stays as it is: C comes back to it
                }
            }
            case BACK -> {
                if (!run.finished() && run.position() > 0) {
                    save(run);
                }
                s.run = null;
                s.checking = false;
                state.view = UiState.View.DASHBOARD;
                walkEnded.run();
            }
            default -> {
            }
        }
    }

    /** Keys while the note / reason prompt is open. */
    void promptKey(KeyStroke k, Action a) {
        ChecklistState s = state.checklist;
        if (a == null) {
            if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
                s.editor.insert(k.getCharacter());
            }
            return;
        }
        switch (a) {
            case APPLY -> {
                String text = s.editor.text().strip();
                if (s.promptKind == ChecklistState.PromptKind.REASON && text.isEmpty()) {
                    return; // the prompt says a reason is required; it stays open
                }
                s.editor = null;
                if (s.promptKind == ChecklistState.PromptKind.REASON) {
                    s.run.skip(text);
                } else {
                    s.run.confirm(text);
                }
                advance();
            }
            case CANCEL -> s.editor = null;
            case DELETE_BACK -> s.editor.deleteBack();
            case CURSOR_LEFT -> s.editor.left();
            case CURSOR_RIGHT -> s.editor.right();
            default -> {
            }
        }
    }

    /** An automatic check finished on the worker thread. */
    void checked(UiEvent.ChecklistChecked e) {
        ChecklistState s = state.checklist;
        if (e.run() != s.run) {
            return; // the walk was left meanwhile
        }
        s.checking = false;
        s.run.recordAutomatic(e.result());
        advance();
    }

    /**
     * A backup action ended: the walk's backup items are checked again, so a walk that found no fresh
     * verified backup and started one (b) sees it pass without being restarted.
     */
    void backupFinished(BackupKind kind) {
        ChecklistRun run = state.checklist.run;
        if (run == null || kind != BackupKind.DATABASE) {
            return;
        }
        actions.execute(() -> {
            List<ItemResult> fresh;
            try {
                fresh = run.evaluateAgain(CheckKind.BACKUP);
            } catch (RuntimeException ex) {
                return; // the item keeps its earlier result; the next walk checks again
            }
            if (!fresh.isEmpty()) {
                post.accept(new UiEvent.ChecklistRechecked(run, fresh));
            }
        });
    }

    /** Results of {@link #backupFinished} arrived: replace the earlier ones, and the saved report if the walk ended. */
    void rechecked(UiEvent.ChecklistRechecked e) {
        ChecklistState s = state.checklist;
        if (e.run() != s.run) {
            return;
        }
        String said = "";
        for (ItemResult r : e.results()) {
            if (s.run.replace(r)) {
                said = ctx.messages().get("checklist.ui.rechecked", r.item().title(ctx.messages().chinese()), r.outcome(), r.value());
                flash.accept(said, r.outcome().satisfies() ? Style.OK : Style.WARNING);
            }
        }
        if (s.run.finished()) {
            save(s.run, said.isEmpty() ? "" : said + " — ");
        }
    }

    /** Starts the check of an automatic item that was reached, or saves the report at the end. */
    private void advance() {
        ChecklistState s = state.checklist;
        ChecklistRun run = s.run;
        if (run.finished()) {
            save(run);
            return;
        }
        if (run.current().automatic() && !s.checking) {
            s.checking = true;
            actions.execute(() -> {
                ItemResult r;
                try {
                    r = run.evaluateCurrent();
                } catch (RuntimeException ex) {
                    r = new ItemResult(run.current(), Outcome.UNKNOWN,
                            ctx.messages().get("checklist.evidence.failed", ex.getMessage()), List.of(), "", ctx.clock().now());
                }
                post.accept(new UiEvent.ChecklistChecked(run, r));
            });
        }
    }

    private void save(ChecklistRun run) {
        save(run, "");
    }

    private void save(ChecklistRun run, String before) {
        Messages m = ctx.messages();
        try {
            Path md = control.save(run);
            flash.accept(before + m.get("checklist.ui.saved", md), run.requiredFailures().isEmpty() ? Style.OK : Style.WARNING);
        } catch (IOException | RuntimeException e) {
            flash.accept(m.get("checklist.ui.saveFailed", e.getMessage()), Style.CRITICAL);
        }
    }
}
