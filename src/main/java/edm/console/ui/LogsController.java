package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.ContainerInfo;
import edm.console.i18n.Messages;
import edm.console.logs.LogExport;
import edm.console.logs.LogFilter;
import edm.console.logs.LogLevel;
import edm.console.logs.LogLine;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import edm.console.swarm.SwarmService;
import edm.console.ui.keys.Action;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The log view's key actions: choosing sources, pause and scroll, search, filters, export. Runs on the
 * UI thread; opening sources and writing exports happen elsewhere and report back.
 */
final class LogsController {
    private final UiState state;
    private final UiContext ctx;
    private final LogSessions sessions;
    private final Path exportDir;
    private final Executor actions;
    private final Runnable changed;
    private final BiConsumer<String, Style> flash;
    private final java.util.function.Consumer<UiEvent> post;
    private int pageSize = 10;

    LogsController(UiState state, UiContext ctx, LogSessions sessions, Path exportDir, Executor actions,
                   Runnable changed, BiConsumer<String, Style> flash, java.util.function.Consumer<UiEvent> post) {
        this.post = post;
        this.state = state;
        this.ctx = ctx;
        this.sessions = sessions;
        this.exportDir = exportDir;
        this.actions = actions;
        this.changed = changed;
        this.flash = flash;
    }

    void pageSize(int rows) {
        pageSize = Math.max(1, rows);
    }

    /** The configured files, unless something is open already. */
    void openDefault() {
        if (sessions != null && state.logs.session == null && !sessions.fileGlobs().isEmpty()) {
            open(sessions.fileGlobs().stream().map(LogSourceSpec::files).toList());
        }
    }

    void open(List<LogSourceSpec> specs) {
        LogsState l = state.logs;
        if (sessions == null) {
            return;
        }
        if (l.session != null) {
            l.session.close();
        }
        l.specs = List.copyOf(specs);
        l.follow();
        l.session = specs.isEmpty() ? null : sessions.open(specs, changed);
    }

    void close() {
        if (state.logs.session != null) {
            state.logs.session.close();
        }
    }

    void dispatch(Action a) {
        LogsState l = state.logs;
        switch (a) {
            case OPEN_LOGS -> openSelectedContainer();
            case PICK_SOURCES -> openPicker();
            case PAUSE -> {
                if (l.paused) {
                    l.follow();
                } else {
                    l.pause();
                }
            }
            case UP -> scroll(-1);
            case DOWN -> scroll(1);
            case PAGE_UP -> scroll(-pageSize);
            case PAGE_DOWN -> scroll(pageSize);
            case FIRST -> {
                l.pause();
                l.anchor = Math.min(pageSize - 1, Math.max(0, l.view().size() - 1));
            }
            case LAST -> l.follow();
            case SEARCH -> l.editor = new LineEditor(l.searchText);
            case NEXT_MATCH -> jumpToMatch(-1);
            case PREVIOUS_MATCH -> jumpToMatch(1);
            case ONLY_MATCHING -> toggleMode(LogFilter.MatchMode.ONLY_MATCHING);
            case HIDE_MATCHING -> toggleMode(LogFilter.MatchMode.HIDE_MATCHING);
            case CLEAR_SEARCH -> {
                l.searchText = "";
                l.filter = l.filter.withPattern(null);
                l.currentMatch = -1;
                l.anchor = -1;
            }
            case LEVEL_FILTER -> {
                LogLevel next = switch (l.filter.minLevel()) {
                    case NONE, DEBUG -> LogLevel.INFO;
                    case INFO -> LogLevel.WARN;
                    case WARN -> LogLevel.ERROR;
                    case ERROR -> LogLevel.NONE;
                };
                l.filter = l.filter.withMinLevel(next);
                l.anchor = -1;
                l.currentMatch = -1;
            }
            case TIMESTAMPS -> l.timestamps = !l.timestamps;
            case WRAP -> l.wrap = !l.wrap;
            case EXPORT -> export();
            default -> {
                // other actions belong to other views
            }
        }
    }

    /** Keys while the search line is open: editing keys from the table, anything else is typed text. */
    void searchKey(KeyStroke k, Action a) {
        LineEditor e = state.logs.editor;
        if (a != null) {
            switch (a) {
                case APPLY -> applySearch(e.text());
                case CANCEL -> state.logs.editor = null;
                case DELETE_BACK -> e.deleteBack();
                case CURSOR_LEFT -> e.left();
                case CURSOR_RIGHT -> e.right();
                case CURSOR_HOME -> e.home();
                case CURSOR_END -> e.end();
                default -> {
                }
            }
            return;
        }
        if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
            e.insert(k.getCharacter());
        }
    }

    void pickerKey(Action a) {
        LogsState.Picker p = state.logs.picker;
        switch (a) {
            case UP -> p.move(-1);
            case DOWN -> p.move(1);
            case TOGGLE -> p.toggle();
            case CANCEL -> state.logs.picker = null;
            case APPLY -> {
                if (p.chosen.isEmpty()) {
                    flash.accept(ctx.messages().get("logs.sources.none"), Style.WARNING);
                    return;
                }
                state.logs.picker = null;
                open(p.selection());
            }
            default -> {
            }
        }
    }

    private void openSelectedContainer() {
        SwarmService service = state.view == UiState.View.DASHBOARD ? state.selectedService() : null;
        if (service != null) {
            // A service's row: its logs across all its tasks, each line tagged with its task.
            state.panel = Panel.LOGS;
            open(List.of(LogSourceSpec.service(service.name())));
            return;
        }
        ContainerInfo c = state.view == UiState.View.DETAIL && state.detail != null ? state.detail.summary() : state.selected();
        if (c == null) {
            flash.accept(ctx.messages().get("logs.sources.noSelection"), Style.WARNING);
            return;
        }
        state.view = UiState.View.DASHBOARD;
        state.panel = Panel.LOGS;
        open(List.of(LogSourceSpec.container(c.name())));
    }

    private void openPicker() {
        if (sessions == null) {
            flash.accept(ctx.messages().get("logs.view.unavailable"), Style.WARNING);
            return;
        }
        List<LogSourceSpec> items = new ArrayList<>();
        if (state.swarm.manager()) {
            state.swarm.services().forEach(s -> items.add(LogSourceSpec.service(s.name())));
        }
        state.rows().forEach(c -> items.add(LogSourceSpec.container(c.name())));
        sessions.fileGlobs().forEach(g -> items.add(LogSourceSpec.files(g)));
        state.logs.picker = new LogsState.Picker(items, state.logs.specs);
    }

    private void scroll(int delta) {
        LogsState l = state.logs;
        l.pause();
        int size = l.view().size();
        int from = l.anchor < 0 ? size - 1 : l.anchor;
        l.anchor = Math.max(0, Math.min(size - 1, from + delta));
    }

    private void applySearch(String text) {
        LogsState l = state.logs;
        l.editor = null;
        if (text.isEmpty()) {
            dispatch(Action.CLEAR_SEARCH);
            return;
        }
        Pattern p;
        try {
            // Smart case: all lower case searches ignore case, a capital makes it exact.
            p = Pattern.compile(text, text.equals(text.toLowerCase(Locale.ROOT)) ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            flash.accept(ctx.messages().get("logs.search.invalid", e.getDescription()), Style.CRITICAL);
            return;
        }
        l.searchText = text;
        l.filter = l.filter.withPattern(p);
        l.pause();
        List<LogLine> view = l.view();
        l.currentMatch = -1;
        for (int i = view.size() - 1; i >= 0; i--) {
            if (l.filter.matches(view.get(i))) {
                l.currentMatch = i;
                l.anchor = i;
                return;
            }
        }
        flash.accept(ctx.messages().get("logs.search.noMatch", text), Style.WARNING);
    }

    /** direction -1: older, +1: newer. */
    private void jumpToMatch(int direction) {
        LogsState l = state.logs;
        if (l.filter.pattern() == null) {
            flash.accept(ctx.messages().get("logs.search.needPattern"), Style.WARNING);
            return;
        }
        l.pause();
        List<LogLine> view = l.view();
        int from = l.currentMatch >= 0 ? l.currentMatch : (l.anchor < 0 ? view.size() : l.anchor);
        for (int i = from + direction; i >= 0 && i < view.size(); i += direction) {
            if (l.filter.matches(view.get(i))) {
                l.currentMatch = i;
                l.anchor = i;
                return;
            }
        }
        flash.accept(ctx.messages().get("logs.search.noMore"), Style.MUTED);
    }

    private void toggleMode(LogFilter.MatchMode mode) {
        LogsState l = state.logs;
        if (l.filter.pattern() == null) {
            flash.accept(ctx.messages().get("logs.search.needPattern"), Style.WARNING);
            return;
        }
        l.filter = l.filter.withMode(l.filter.mode() == mode ? LogFilter.MatchMode.ALL : mode);
        l.anchor = -1;
        l.currentMatch = -1;
    }

    private void export() {
        LogsState l = state.logs;
        List<LogLine> view = l.view();
        Messages m = ctx.messages();
        Path target = LogExport.defaultTarget(exportDir, ctx.clock().now(), ctx.format().zone());
        actions.execute(() -> {
            try {
                Path written = LogExport.write(view, target, ctx.format().zone());
                post.accept(new UiEvent.ActionDone("", m.get("logs.export.done", view.size(), written), false));
            } catch (IOException | RuntimeException e) {
                post.accept(new UiEvent.ActionDone("", m.get("logs.export.failed", e.getMessage()), true));
            }
        });
    }
}
