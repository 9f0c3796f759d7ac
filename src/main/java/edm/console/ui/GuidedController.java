package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.ContainerInfo;
import edm.console.swarm.SwarmService;
import edm.console.i18n.Messages;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoice;
import edm.console.ui.guided.TagChoices;
import edm.console.ui.keys.Action;
import edm.console.ui.keys.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The guided deploy (D) and rollback (B): pick a tag or a known-good release, walk the pre-deploy
 * checklist when it holds the deploy back, confirm the plan with y, then watch the steps run. Everything
 * slow (listing, planning, the run) goes to a worker and comes back as a {@link UiEvent.Guided} event;
 * Esc cancels at every stage before the run (a plan holding the lock is abandoned). UI thread only.
 */
final class GuidedController {
    private final UiState state;
    private final UiContext ctx;
    private final ExecutorService actions;
    private final Consumer<UiEvent> post;
    private final TrackedChanges changes;
    private final BooleanSupplier blocked;
    private final BiConsumer<String, Style> flash;
    private WorkflowControl control = WorkflowControl.NONE;
    /** Opens the named checklist's walk; false when there is no such checklist. */
    private Predicate<String> walk = name -> false;
    private long tokens;

    /** @param blocked true while a cut workflow waits for recovery (the banner): no new workflow then */
    GuidedController(UiState state, UiContext ctx, ExecutorService actions, Consumer<UiEvent> post, TrackedChanges changes,
                     BooleanSupplier blocked, BiConsumer<String, Style> flash) {
        this.state = state;
        this.ctx = ctx;
        this.actions = actions;
        this.post = post;
        this.changes = changes;
        this.blocked = blocked;
        this.flash = flash;
    }

    void use(WorkflowControl w) {
        this.control = w;
    }

    void walkWith(Predicate<String> openWalk) {
        this.walk = openWalk;
    }

    static final Set<Scope> SCOPES = EnumSet.of(Scope.DEPLOY_WAIT, Scope.TAG_PICKER, Scope.RELEASE_PICKER,
            Scope.DEPLOY_GATE, Scope.DEPLOY_PLAN, Scope.DEPLOY_RUN);

    /** The scope of the dialog's keys, or null when no dialog waits for keys. */
    static Scope scope(GuidedState g) {
        if (g == null || !g.showing()) {
            return null;
        }
        return switch (g.stage) {
            case LOADING, PLANNING -> Scope.DEPLOY_WAIT;
            case PICK_TAG -> Scope.TAG_PICKER;
            case PICK_RELEASE -> Scope.RELEASE_PICKER;
            case GATE -> Scope.DEPLOY_GATE;
            case CONFIRM -> Scope.DEPLOY_PLAN;
            case RUNNING, DONE, REFUSED -> Scope.DEPLOY_RUN;
        };
    }

    void openDeploy() {
        open("deploy");
    }

    void openRollback() {
        open("rollback");
    }

    private void open(String kind) {
        if (ctx.keys().readOnly()) {
            flash.accept(ctx.messages().get("action.readOnly"), Style.WARNING);
            return;
        }
        GuidedState g = state.guided;
        if (g != null && g.stage == GuidedState.Stage.RUNNING) {
            g.hidden = false; // one workflow at a time: D or B shows the one that runs
            return;
        }
        // A swarm service's row stands for the service: its deploy and rollback are the service's.
        ContainerInfo c = state.selected();
        SwarmService service = c == null ? state.selectedService() : null;
        if (c == null && service == null || blocked.getAsBoolean()) {
            return;
        }
        String name = c != null ? c.name() : service.name();
        GuidedState fresh = new GuidedState(++tokens, kind, name);
        state.guided = fresh;
        long token = fresh.token;
        actions.execute(() -> {
            try {
                if (fresh.deploy()) {
                    post.accept(new UiEvent.GuidedChoices(token, control.tags(name), null, null));
                } else {
                    post.accept(new UiEvent.GuidedChoices(token, null, control.releases(name), null));
                }
            } catch (RuntimeException e) {
                post.accept(new UiEvent.GuidedChoices(token, null, null, message(e)));
            }
        });
    }

    /** A key while the dialog shows; a for the scope's binding, or null (typed text in the tag picker). */
    void key(KeyStroke k, Action a) {
        GuidedState g = state.guided;
        switch (g.stage) {
            case PICK_TAG -> tagKey(g, k, a);
            case PICK_RELEASE -> releaseKey(g, a);
            case GATE -> {
                if (a == Action.CONFIRM) {
                    startWalk(g);
                } else if (a == Action.CANCEL) {
                    close();
                }
            }
            case CONFIRM -> {
                if (a == Action.CONFIRM) {
                    run(g);
                } else if (a == Action.CANCEL) {
                    abandon(g.planned);
                    close();
                }
            }
            case LOADING, PLANNING -> {
                if (a == Action.CANCEL) {
                    close(); // a plan that arrives later for this dialog is abandoned (see planned)
                }
            }
            case RUNNING -> {
                if (a == Action.BACK) {
                    g.hidden = true;
                }
            }
            case DONE, REFUSED -> {
                if (a == Action.BACK) {
                    close();
                }
            }
        }
    }

    private void tagKey(GuidedState g, KeyStroke k, Action a) {
        if (a == null) {
            if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
                g.editor.insert(k.getCharacter());
                g.selected = 0;
            }
            return;
        }
        List<TagChoice> shown = g.shownTags();
        switch (a) {
            case UP -> g.selected = Math.max(0, g.selected - 1);
            case DOWN -> g.selected = Math.max(0, Math.min(shown.size() - 1, g.selected + 1));
            case DELETE_BACK -> {
                g.editor.deleteBack();
                g.selected = 0;
            }
            case CURSOR_LEFT -> g.editor.left();
            case CURSOR_RIGHT -> g.editor.right();
            case CANCEL -> close();
            case APPLY -> {
                String typed = g.editor.text().strip();
                Optional<TagChoice> exact = shown.stream().filter(t -> t.tag().equals(typed)).findFirst();
                String tag = exact.map(TagChoice::tag).orElse(
                        !shown.isEmpty() && g.selected < shown.size() ? shown.get(g.selected).tag() : typed);
                if (!tag.isEmpty()) {
                    g.tag = tag;
                    plan(g);
                }
            }
            default -> {
            }
        }
    }

    private void releaseKey(GuidedState g, Action a) {
        switch (a == null ? Action.REFRESH : a) {
            case UP -> g.selected = Math.max(0, g.selected - 1);
            case DOWN -> g.selected = Math.max(0, Math.min(g.releases.size() - 1, g.selected + 1));
            case CANCEL -> close();
            case APPLY -> {
                if (g.selected >= g.releases.size()) {
                    return;
                }
                ReleaseChoice r = g.releases.get(g.selected);
                if (r.current()) {
                    flash.accept(ctx.messages().get("guided.release.isCurrent", r.tag()), Style.WARNING);
                    return;
                }
                g.tag = r.tag();
                g.releaseId = r.id();
                plan(g);
            }
            default -> {
            }
        }
    }

    /** Checks the gate (deploys only) and plans, on a worker; the plan holds the workflow lock until run or abandoned. */
    private void plan(GuidedState g) {
        g.stage = GuidedState.Stage.PLANNING;
        long token = g.token;
        actions.execute(() -> {
            try {
                if (g.deploy()) {
                    Optional<String> refusal = control.checklistRefusal(g.container);
                    if (refusal.isPresent()) {
                        post.accept(new UiEvent.GuidedPlanned(token, null, refusal.get(), null));
                        return;
                    }
                }
                PlannedChange p = g.deploy() ? control.planDeploy(g.container, g.tag) : control.planRollback(g.container, g.releaseId);
                post.accept(new UiEvent.GuidedPlanned(token, p, null, null));
            } catch (RuntimeException e) {
                post.accept(new UiEvent.GuidedPlanned(token, null, null, message(e)));
            }
        });
    }

    private void startWalk(GuidedState g) {
        if (!walk.test("pre-deploy")) {
            g.stage = GuidedState.Stage.REFUSED;
            g.reason = ctx.messages().get("guided.gate.noChecklist");
            return;
        }
        g.walking = true;
    }

    /**
     * The checklist walk started from the gate was left (Esc, satisfied or not): back to the deploy, whose
     * gate is asked again (a walk left unsatisfied shows the refusal again).
     */
    void walkEnded() {
        GuidedState g = state.guided;
        if (g == null || !g.walking) {
            return;
        }
        g.walking = false;
        state.view = UiState.View.DASHBOARD;
        plan(g);
    }

    private void run(GuidedState g) {
        PlannedChange p = g.planned;
        g.stage = GuidedState.Stage.RUNNING;
        state.followName = g.container;
        g.steps.clear();
        g.plan.steps().forEach(g::row);
        long token = g.token;
        Messages m = ctx.messages();
        RunListener listener = GuidedProgress.listener(token, post);
        String subject = g.container + " " + g.tag;
        changes.run(g.kind, subject, "", () -> {
            RunResult r = p.run(listener);
            post.accept(new UiEvent.GuidedFinished(token, r));
            if (!r.ok()) {
                throw new NotOk(r.summary());
            }
            return r.summary();
        }, ex -> {
            if (!(ex instanceof NotOk)) {
                post.accept(new UiEvent.GuidedFinished(token, new RunResult(RunResult.Outcome.FAILED, message(ex), "")));
            }
            return ex instanceof NotOk ? ex.getMessage() : m.get("guided.failed." + g.kind, g.container, message(ex));
        }, () -> { });
    }

    /** Results from the workers and the run, for the dialog they belong to. */
    void handle(UiEvent.Guided e) {
        GuidedState g = state.guided;
        if (g == null || g.token != e.token()) {
            if (e instanceof UiEvent.GuidedPlanned p) {
                abandon(p.change()); // the dialog was cancelled while planning: give the lock back
            }
            return;
        }
        if (e instanceof UiEvent.GuidedChoices c) {
            choices(g, c);
        } else if (e instanceof UiEvent.GuidedPlanned p) {
            planned(g, p);
        } else {
            GuidedProgress.apply(g, e, ctx.clock().now());
        }
    }

    private void choices(GuidedState g, UiEvent.GuidedChoices c) {
        if (c.error() != null) {
            g.stage = GuidedState.Stage.REFUSED;
            g.reason = c.error();
            return;
        }
        if (c.tags() != null) {
            TagChoices t = c.tags();
            g.service = t.service();
            g.repository = t.repository();
            g.tags = t.tags();
            g.tagsProblem = t.problem();
            g.selected = firstNot(t.tags().stream().map(TagChoice::running).toList());
            g.stage = GuidedState.Stage.PICK_TAG;
        } else {
            g.releases = c.releases();
            if (g.releases.stream().allMatch(ReleaseChoice::current)) {
                g.stage = GuidedState.Stage.REFUSED;
                g.reason = ctx.messages().get("guided.release.none", g.container);
                return;
            }
            g.selected = firstNot(g.releases.stream().map(ReleaseChoice::current).toList());
            g.stage = GuidedState.Stage.PICK_RELEASE;
        }
    }

    private static int firstNot(List<Boolean> marks) {
        for (int i = 0; i < marks.size(); i++) {
            if (!marks.get(i)) {
                return i;
            }
        }
        return 0;
    }

    private void planned(GuidedState g, UiEvent.GuidedPlanned p) {
        if (p.checklistRefusal() != null) {
            g.stage = GuidedState.Stage.GATE;
            g.reason = p.checklistRefusal();
        } else if (p.error() != null) {
            g.stage = GuidedState.Stage.REFUSED;
            g.reason = p.error();
        } else {
            g.planned = p.change();
            g.plan = p.change().plan();
            g.stage = GuidedState.Stage.CONFIRM;
        }
    }

    private void abandon(PlannedChange p) {
        if (p != null) {
            actions.execute(p::abandon);
        }
    }

    private void close() {
        state.guided = null;
    }

    /** The run ended and said how (rolled back, failed): its result is shown already, the flash marks it failed. */
    private static final class NotOk extends RuntimeException {
        NotOk(String summary) {
            super(summary, null, false, false);
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
