package edm.console.ui;

import edm.console.ui.keys.Action;
import java.util.EnumSet;
import java.util.Set;

/** The Security panel's keys and events, on the UI thread; the rules themselves run behind {@link SecurityControl}. */
final class SecurityController {
    static final Set<Action> ACTIONS = EnumSet.of(Action.UP, Action.DOWN, Action.OPEN_DETAIL, Action.CHECK_SECURITY);

    private final UiState state;
    private final UiContext ctx;
    private SecurityControl control = SecurityControl.NONE;

    SecurityController(UiState state, UiContext ctx) {
        this.state = state;
        this.ctx = ctx;
    }

    void use(SecurityControl c) {
        this.control = c;
    }

    /** The panel is shown: the first time, the rules start (a console never looked at them costs nothing). */
    void opened() {
        SecurityState s = state.security;
        if (s.opened) {
            return;
        }
        s.opened = true;
        if (!control.open()) {
            s.error = ctx.messages().get("securityPanel.unavailable");
        }
    }

    void action(Action a) {
        SecurityState s = state.security;
        switch (a) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case OPEN_DETAIL -> s.expanded = s.findings() > 0 && !s.expanded;
            case CHECK_SECURITY -> {
                if (!s.opened) {
                    opened();
                } else {
                    control.checkNow();
                }
            }
            default -> {
                // only the actions in ACTIONS come here
            }
        }
    }

    private void move(int delta) {
        SecurityState s = state.security;
        s.selected += delta;
        s.clampSelection();
    }

    void checking() {
        state.security.checking = true;
    }

    void reported(UiEvent.Security e) {
        SecurityState s = state.security;
        s.checking = false;
        s.error = e.error();
        if (e.report() != null) {
            s.report = e.report();
        }
        s.clampSelection();
    }
}
