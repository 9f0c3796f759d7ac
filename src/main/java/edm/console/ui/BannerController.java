package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import edm.console.i18n.Messages;
import edm.console.ui.keys.Action;
import edm.console.ui.keys.Scope;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The banner's data and keys: re-read at start, every few seconds (a console finishing a workflow after
 * its terminal went away ends, and its result appears) and after each recovery; U and X resume or roll back
 * the unfinished workflow after a y/n, O dismisses the results.
 */
final class BannerController {
    static final int RELOAD_TICKS = 5;

    private final UiState state;
    private final UiContext ctx;
    private final ExecutorService actions;
    private final Consumer<UiEvent> post;
    private final TrackedChanges changes;
    private final BiConsumer<String, Style> flash;
    private RecoveryControl recovery = RecoveryControl.NONE;
    private int ticks;

    BannerController(UiState state, UiContext ctx, ExecutorService actions, Consumer<UiEvent> post, TrackedChanges changes,
                     BiConsumer<String, Style> flash) {
        this.state = state;
        this.ctx = ctx;
        this.actions = actions;
        this.post = post;
        this.changes = changes;
        this.flash = flash;
    }

    void use(RecoveryControl r) {
        this.recovery = r;
        load();
    }

    /** Reads the journal, the lock and the result file off the UI thread. */
    void load() {
        RecoveryControl r = recovery;
        try {
            actions.execute(() -> {
                try {
                    post.accept(new UiEvent.BannerLoaded(r.unfinished().orElse(null), r.unattended()));
                } catch (RuntimeException e) {
                    // An unreadable journal is reported by `deploy --recover`; the banner keeps what it had.
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    void loaded(UiEvent.BannerLoaded e) {
        state.unfinished = e.unfinished();
        state.unattended = e.unattended();
    }

    void tick() {
        if (++ticks % RELOAD_TICKS == 0 && recovery != RecoveryControl.NONE) {
            load();
        }
    }

    /** A banner key (only outside modal scopes, and only while the banner offers it); true when handled. */
    boolean key(KeyStroke k, Scope scope) {
        if (scope.modal()) {
            return false;
        }
        Optional<Action> a = ctx.keys().resolveOwn(k, Scope.BANNER);
        if (a.isEmpty()) {
            return false;
        }
        UnfinishedWorkflow u = state.unfinished;
        switch (a.get()) {
            case RESUME_WORKFLOW, ROLL_BACK_WORKFLOW -> {
                if (u == null || u.holderAlive() || !u.journaled() && a.get() == Action.RESUME_WORKFLOW) {
                    return false;
                }
                state.confirm = new UiState.Confirm(a.get(), "", u.journaled()
                        ? ctx.messages().get("banner.target", u.workflow(), u.service(), u.image())
                        : ctx.messages().get("banner.lockTarget", u.workflow()));
                return true;
            }
            case DISMISS_BANNER -> {
                if (state.unattended.isEmpty()) {
                    return false;
                }
                state.unattended = java.util.List.of();
                RecoveryControl r = recovery;
                actions.execute(() -> {
                    try {
                        r.dismissUnattended();
                    } catch (RuntimeException ex) {
                        post.accept(new UiEvent.ActionDone("", ex.getMessage(), true));
                    }
                });
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A workflow a crash left unfinished blocks new deploys and rollbacks: say what to press instead. */
    boolean blocksNewWorkflow() {
        UnfinishedWorkflow u = state.unfinished;
        if (u == null || u.holderAlive()) {
            return false;
        }
        if (!u.journaled()) {
            flash.accept(ctx.messages().get("banner.releaseFirst", u.workflow(),
                    ctx.keys().keyFor(Scope.BANNER, Action.ROLL_BACK_WORKFLOW)), Style.WARNING);
            return true;
        }
        flash.accept(ctx.messages().get("banner.finishFirst", u.workflow(), ctx.keys().keyFor(Scope.BANNER, Action.RESUME_WORKFLOW),
                ctx.keys().keyFor(Scope.BANNER, Action.ROLL_BACK_WORKFLOW)), Style.WARNING);
        return true;
    }

    /** After y in the dialog: resume or roll back, tracked like any change, then re-read the banner. */
    void confirmed(UiState.Confirm c) {
        UnfinishedWorkflow u = state.unfinished;
        if (u == null || u.holderAlive()) {
            return;
        }
        Messages m = ctx.messages();
        boolean resume = c.action() == Action.RESUME_WORKFLOW;
        flash.accept(m.get(resume ? "banner.resuming" : "banner.rollingBack", c.containerName()), Style.WARNING);
        RecoveryControl r = recovery;
        Consumer<String> progress = line -> post.accept(new UiEvent.ActionDone("", line, false));
        changes.run(resume ? "resume" : "roll back", u.service(), "", () -> resume ? r.resume(progress) : r.rollBack(progress),
                ex -> m.get("banner.recoverFailed", c.containerName(), ex.getMessage()), this::load);
    }
}
