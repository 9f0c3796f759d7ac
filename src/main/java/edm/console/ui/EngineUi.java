package edm.console.ui;

import edm.console.logs.LogSessions;
import java.util.function.Consumer;

/**
 * Everything the panels need of one engine, for {@link TuiApp#switchEngine}: its context (its config's stack,
 * thresholds, label), its container control and log sessions, the rest of its wiring (alerts, backups, security,
 * workflows, recovery) applied to the new panels, then {@code activate} (its monitors start posting), or
 * {@code abandon} when the switch is refused after all (a change started meanwhile).
 */
public record EngineUi(String name, UiContext ctx, ContainerControl control, LogSessions logs, Consumer<TuiApp> wire,
                       Runnable activate, Runnable abandon) {
}
