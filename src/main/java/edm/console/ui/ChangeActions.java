package edm.console.ui;

import edm.console.backup.BackupKind;
import edm.console.core.ContainerInfo;
import edm.console.swarm.SwarmService;
import edm.console.i18n.Messages;
import edm.console.ui.keys.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The keys that change something: container start/stop/restart and backups (deploy and rollback are the
 * guided dialog's, {@link GuidedController}). Each asks for a confirmation, then runs as a tracked change so that the console outlives its
 * terminal until the change has finished. UI thread only, like the controller that owns it.
 */
final class ChangeActions {
    private final UiState state;
    private final UiContext ctx;
    private final ContainerControl control;
    private final Consumer<UiEvent> post;
    private final TrackedChanges changes;
    private final BannerController banner;
    private final BiConsumer<String, Style> flash;
    private BackupControl backups = BackupControl.NONE;

    ChangeActions(UiState state, UiContext ctx, ContainerControl control, Consumer<UiEvent> post, TrackedChanges changes,
                  BannerController banner, BiConsumer<String, Style> flash) {
        this.state = state;
        this.ctx = ctx;
        this.control = control;
        this.post = post;
        this.changes = changes;
        this.banner = banner;
        this.flash = flash;
    }

    void useBackups(BackupControl control) {
        this.backups = control;
    }

    /** The checklist walk's "run a backup now": no confirmation, the walk already asked. */
    void runDatabaseBackup() {
        if (refusedReadOnly()) {
            return;
        }
        if (!backups.backup(BackupKind.DATABASE)) {
            flash.accept(ctx.messages().get("backups.busy"), Style.WARNING);
        }
    }

    void verifyNewestBackup() {
        if (!backups.verifyNewest(BackupKind.DATABASE)) {
            flash.accept(ctx.messages().get("backups.busy"), Style.WARNING);
        }
    }

    void cancelBackup() {
        backups.cancel();
    }

    void askToConfirmBackup(Action a) {
        if (refusedReadOnly()) {
            return;
        }
        String what = ctx.messages().get(a == Action.BACKUP_DATABASE ? "backups.kind.database" : "backups.kind.files");
        state.confirm = new UiState.Confirm(a, "", what);
    }

    void askToConfirm(Action a) {
        // Unreachable through the key map in read-only (it drops dangerous keys), kept as a second lock.
        if (refusedReadOnly()) {
            return;
        }
        ContainerInfo c = state.view == UiState.View.DETAIL && state.detail != null ? state.detail.summary() : state.selected();
        SwarmService service = c == null && state.view != UiState.View.DETAIL ? state.selectedService() : null;
        if (service != null && a == Action.RESTART) {
            // r on a service's row: a forced rolling update of the service (one task at a time, start-first).
            state.confirm = new UiState.Confirm(a, service.id(), service.name(), true);
            return;
        }
        if (c == null) {
            return;
        }
        state.confirm = new UiState.Confirm(a, c.id(), c.name());
    }

    void runConfirmed() {
        UiState.Confirm c = state.confirm;
        state.confirm = null;
        if (c == null || ctx.keys().readOnly()) {
            return;
        }
        if (c.action() == Action.BACKUP_DATABASE || c.action() == Action.BACKUP_FILES) {
            BackupKind kind = c.action() == Action.BACKUP_DATABASE ? BackupKind.DATABASE : BackupKind.FILES;
            if (!backups.backup(kind)) {
                flash.accept(ctx.messages().get("backups.busy"), Style.WARNING);
            }
            return;
        }
        if (c.action() == Action.RESUME_WORKFLOW || c.action() == Action.ROLL_BACK_WORKFLOW) {
            banner.confirmed(c);
            return;
        }
        Messages m = ctx.messages();
        String verb = c.action().name().toLowerCase(Locale.ROOT);
        flash.accept(m.get("action.running." + verb, c.containerName()), Style.WARNING);
        Instant start = Instant.now();
        changes.run(verb, c.containerName(), c.containerId(), () -> {
            switch (c.action()) {
                case START -> control.start(c.containerId());
                case STOP -> control.stop(c.containerId());
                case RESTART -> control.restart(c.containerId());
                default -> throw new IllegalStateException(c.action().name());
            }
            double secs = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            return m.get("action.done." + verb, c.containerName(), String.format(m.locale(), "%.1f", secs));
        }, ex -> m.get("action.failed." + verb, c.containerName(), ex.getMessage()), () -> { });
    }

    private boolean refusedReadOnly() {
        if (ctx.keys().readOnly()) {
            flash.accept(ctx.messages().get("action.readOnly"), Style.WARNING);
            return true;
        }
        return false;
    }
}
