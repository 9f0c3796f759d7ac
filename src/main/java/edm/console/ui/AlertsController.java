package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.Alert;
import edm.console.core.TimelineEntry;
import edm.console.i18n.Messages;
import edm.console.text.DurationText;
import edm.console.ui.keys.Action;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Keys of the Alerts panel (select, acknowledge with a note, snooze for a typed duration), of the
 * Events view (scroll, filter by source, export) and of the prompt line they open.
 */
final class AlertsController {
    static final Duration DEFAULT_SNOOZE = Duration.ofHours(1);

    private final UiState state;
    private final UiContext ctx;
    private final AlertControl control;
    private final BiConsumer<String, Style> flash;
    private int pageSize = 10;

    AlertsController(UiState state, UiContext ctx, AlertControl control, BiConsumer<String, Style> flash) {
        this.state = state;
        this.ctx = ctx;
        this.control = control;
        this.flash = flash;
    }

    void pageSize(int rows) {
        pageSize = Math.max(1, rows);
    }

    /** Actions in the Alerts panel. */
    void alertsAction(Action a) {
        AlertsState s = state.alerts;
        Alert selected = s.selectedAlert();
        switch (a) {
            case UP -> s.selected = Math.max(0, s.selected - 1);
            case DOWN -> s.selected = s.selected + 1;
            case ACKNOWLEDGE, SNOOZE -> {
                if (selected == null) {
                    return;
                }
                boolean ack = a == Action.ACKNOWLEDGE;
                s.prompt = new AlertsState.Prompt(ack ? AlertsState.PromptKind.ACKNOWLEDGE : AlertsState.PromptKind.SNOOZE,
                        selected.key(), selected.message(), new LineEditor(ack ? "" : "1h"));
            }
            default -> {
            }
        }
        s.selectedAlert();
    }

    /** Actions in the Events view. */
    void eventsAction(Action a) {
        AlertsState s = state.alerts;
        switch (a) {
            case UP -> scroll(-1);
            case DOWN -> scroll(1);
            case PAGE_UP -> scroll(-pageSize);
            case PAGE_DOWN -> scroll(pageSize);
            case TOGGLE_ALERT_EVENTS -> toggle(TimelineEntry.Source.ALERT);
            case TOGGLE_DOCKER_EVENTS -> toggle(TimelineEntry.Source.DOCKER);
            case TOGGLE_CONSOLE_EVENTS -> toggle(TimelineEntry.Source.CONSOLE);
            case EXPORT -> export();
            case BACK -> state.view = UiState.View.DASHBOARD;
            default -> {
            }
        }
        if (s.eventSources.isEmpty()) {
            s.eventSources.addAll(EnumSet.allOf(TimelineEntry.Source.class));
        }
    }

    private void scroll(int delta) {
        AlertsState s = state.alerts;
        int max = Math.max(0, shownEvents().size() - pageSize);
        int from = s.eventsAtEnd ? max : s.eventsScroll;
        s.eventsScroll = Math.max(0, Math.min(max, from + delta));
        s.eventsAtEnd = s.eventsScroll >= max;
    }

    private void toggle(TimelineEntry.Source src) {
        if (!state.alerts.eventSources.remove(src)) {
            state.alerts.eventSources.add(src);
        }
    }

    List<TimelineEntry> shownEvents() {
        return control.timeline().stream().filter(e -> state.alerts.eventSources.contains(e.source())).toList();
    }

    private void export() {
        Messages m = ctx.messages();
        try {
            flash.accept(m.get("events.exported", control.exportTimeline(shownEvents())), Style.OK);
        } catch (IOException | RuntimeException e) {
            flash.accept(m.get("events.exportFailed", e.getMessage()), Style.CRITICAL);
        }
    }

    /** Keys while the prompt is open: editing keys from the table, anything else is typed text. */
    void promptKey(KeyStroke k, Action a) {
        AlertsState.Prompt p = state.alerts.prompt;
        if (a == null) {
            if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
                p.editor().insert(k.getCharacter());
            }
            return;
        }
        switch (a) {
            case APPLY -> apply(p);
            case CANCEL -> state.alerts.prompt = null;
            case DELETE_BACK -> p.editor().deleteBack();
            case CURSOR_LEFT -> p.editor().left();
            case CURSOR_RIGHT -> p.editor().right();
            default -> {
            }
        }
    }

    private void apply(AlertsState.Prompt p) {
        Messages m = ctx.messages();
        String text = p.editor().text().trim();
        if (p.kind() == AlertsState.PromptKind.ACKNOWLEDGE) {
            boolean ok = control.acknowledge(p.alertKey(), text);
            flash.accept(ok ? m.get("alerts.ackDone") : m.get("alerts.gone"), ok ? Style.OK : Style.WARNING);
            state.alerts.prompt = null;
            return;
        }
        Duration d;
        try {
            d = text.isEmpty() ? DEFAULT_SNOOZE : DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            // The prompt line covers the hint bar where messages show: close it so the reason is seen.
            state.alerts.prompt = null;
            flash.accept(m.get("alerts.badDuration", text), Style.WARNING);
            return;
        }
        boolean ok = control.snooze(p.alertKey(), d);
        flash.accept(ok ? m.get("alerts.snoozeDone", ctx.format().duration(d)) : m.get("alerts.gone"), ok ? Style.OK : Style.WARNING);
        state.alerts.prompt = null;
    }
}
