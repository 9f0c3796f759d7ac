package edm.console.ui;

import edm.console.core.EngineSummary;
import edm.console.core.InFlightWork;
import edm.console.ui.keys.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Keys of the hosts view: move, poll now, and Enter to switch every panel to the selected engine. A change this
 * console started (deploy, rollback, restart, backup, recovery) is never cut by a switch: while one runs, the
 * switch is refused and the flash names what runs; switch once it has finished.
 */
final class HostsController {
    static final Set<Action> ACTIONS = EnumSet.of(Action.UP, Action.DOWN, Action.SWITCH_ENGINE, Action.REFRESH, Action.BACK);

    private final UiState state;
    private final UiContext ctx;
    private final Supplier<InFlightWork> inFlight;
    private final BiConsumer<String, Style> flash;
    private HostsControl control = HostsControl.NONE;

    HostsController(UiState state, UiContext ctx, Supplier<InFlightWork> inFlight, BiConsumer<String, Style> flash) {
        this.state = state;
        this.ctx = ctx;
        this.inFlight = inFlight;
        this.flash = flash;
    }

    void use(HostsControl c) {
        control = c;
    }

    void open() {
        state.view = UiState.View.HOSTS;
        HostsState h = state.hosts;
        for (int i = 0; i < h.rows.size(); i++) {
            if (h.rows.get(i).name().equals(h.current)) {
                h.selected = i;
            }
        }
        control.refresh();
    }

    void action(Action a) {
        HostsState h = state.hosts;
        switch (a) {
            case UP -> h.selected = Math.max(0, h.selected - 1);
            case DOWN -> h.selected = h.selected + 1;
            case REFRESH -> control.refresh();
            case BACK -> state.view = UiState.View.DASHBOARD;
            case SWITCH_ENGINE -> switchToSelected();
            default -> {
            }
        }
        h.selectedRow();
    }

    private void switchToSelected() {
        HostsState h = state.hosts;
        EngineSummary row = h.selectedRow();
        if (row == null) {
            return;
        }
        if (row.name().equals(h.current)) {
            state.view = UiState.View.DASHBOARD;
            return;
        }
        if (h.switching != null) {
            flash.accept(ctx.messages().get("hosts.switchingAlready", h.switching), Style.WARNING);
            return;
        }
        List<String> running = inFlight.get().running();
        if (!running.isEmpty()) {
            flash.accept(ctx.messages().get("hosts.switchRefused", row.name(), String.join(", ", running)), Style.WARNING);
            return;
        }
        h.switching = row.name();
        flash.accept(ctx.messages().get("hosts.switching", row.name()), Style.MUTED);
        control.switchTo(row.name());
    }

    void hosts(UiEvent.Hosts e) {
        state.hosts.rows = e.rows();
        state.hosts.selectedRow();
    }

    void failed(UiEvent.SwitchFailed e) {
        state.hosts.switching = null;
        flash.accept(ctx.messages().get("hosts.switchFailed", e.engine(), e.why()), Style.CRITICAL);
    }
}
