package edm.console.ui;

import edm.console.checklist.Checklist;
import edm.console.compose.Drift;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HostSnapshot;
import edm.console.core.TimelineEntry;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.keys.KeyBinding;
import edm.console.ui.keys.Scope;
import edm.console.ui.panels.BackupLines;
import edm.console.ui.panels.ContainersPanel;
import edm.console.ui.panels.DetailLines;
import edm.console.ui.panels.ResourceLines;
import edm.console.ui.render.CellBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Draws one whole frame from the UI state into the frame's cell buffer. The painter then sends only
 * the cells that differ from the previous frame; a clock tick redraws the status bar's row alone.
 */
public final class ScreenRenderer {
    private final UiContext ctx;
    private final boolean logsAvailable;
    private Supplier<List<TimelineEntry>> events = List::of;

    // What does not change from one frame to the next is made once: the Resources lines per host
    // sample, the help text, the top bar's labels and each scope's hint row per language.
    private List<List<StyledText>> resources;
    private HostSnapshot resourcesHost;
    private int resourcesWidth;
    private Messages resourcesMessages;
    private List<List<StyledText>> help;
    private Messages helpMessages;
    private final TopBar topBar;
    private final Map<Scope, List<Hint>> hints = new EnumMap<>(Scope.class);
    private Messages hintsMessages;

    /** One entry of the hint row, with its widths. */
    private record Hint(String key, String description, int width) {
    }

    public ScreenRenderer(UiContext ctx, boolean logsAvailable) {
        this.ctx = ctx;
        this.logsAvailable = logsAvailable;
        this.topBar = new TopBar(ctx);
    }

    private Supplier<List<Checklist>> checklists = List::of;

    /** Where the checklist picker reads the checklists from. */
    public void useChecklists(Supplier<List<Checklist>> source) {
        this.checklists = source;
    }

    /** Where the Events view reads the (filtered) timeline from. */
    public void useEvents(Supplier<List<TimelineEntry>> source) {
        this.events = source;
    }

    /** The banner takes rows above the hint bar (at most a third of the screen); the panels get the rest. */
    public Layout layoutFor(UiState s, int cols, int rows) {
        return Layout.compute(cols, rows - bannerRows(s, cols, rows), s.panel, s.zoomed, resourceLineCount(s));
    }

    private int bannerRows(UiState s, int cols, int rows) {
        return Math.min(bannerLines(s, cols).size(), Math.max(0, rows / 3));
    }

    private List<StyledText> bannerLines(UiState s, int cols) {
        List<StyledText> lines = BannerView.lines(s, ctx);
        return lines.isEmpty() ? lines : BannerView.wrapped(lines, cols - 2);
    }

    public void render(CellBuffer g, UiState s) {
        Canvas full = Canvas.full(g, ctx.theme());
        full.fill(0, 0, full.width(), full.height(), Style.NORMAL);
        Instant now = ctx.clock().now();
        Layout layout = layoutFor(s, full.width(), full.height());
        topBar.draw(full, s, layout);
        Canvas body = full.sub(layout.body().col(), layout.body().row(), layout.body().width(), layout.body().height());
        switch (s.view) {
            case DETAIL -> drawDetail(body, s, now);
            case HELP -> drawHelp(body, s);
            case EVENTS -> HealthView.drawEvents(body, s, ctx, events.get());
            case CHECKLIST -> ChecklistView.draw(body, s.checklist, checklists.get(), ctx.messages());
            case HOSTS -> HostsView.draw(body, s, ctx, now);
            case DASHBOARD -> drawPanels(full, s, layout, now);
        }
        int banner = bannerRows(s, full.width(), full.height());
        if (banner > 0) {
            BannerView.draw(full, full.height() - 2 - banner, bannerLines(s, full.width()).subList(0, banner));
        }
        drawHints(full, s, now);
        if (s.checklist.prompting()) {
            ChecklistView.drawPrompt(full, s.checklist, ctx.messages());
        }
        if (s.alerts.prompt != null) {
            HealthView.drawPrompt(full, s.alerts.prompt, ctx.messages());
        }
        drawStatusBar(full, s, now);
        if (s.guided != null && s.guided.showing()) {
            GuidedView.draw(full, s.guided, ctx, now);
        }
        if (s.logs.picker != null) {
            LogsView.drawPicker(full, s.logs.picker, ctx.messages());
        }
        if (s.confirm != null) {
            drawConfirm(full, s.confirm);
        }
    }

    /** Redraws only the status bar (for clock ticks: everything else is unchanged). */
    public void renderStatusBar(CellBuffer g, UiState s) {
        drawStatusBar(Canvas.full(g, ctx.theme()), s, ctx.clock().now());
    }

    /** The scope whose keys apply now. */
    public static Scope scope(UiState s) {
        if (s.confirm != null) {
            return Scope.DIALOG;
        }
        Scope guided = GuidedController.scope(s.guided);
        if (guided != null) {
            return guided;
        }
        if (s.alerts.prompt != null || s.checklist.prompting()) {
            return Scope.PROMPT;
        }
        if (s.view == UiState.View.DASHBOARD && s.panel == Panel.LOGS) {
            if (s.logs.picker != null) {
                return Scope.SOURCES;
            }
            if (s.logs.editor != null) {
                return Scope.SEARCH;
            }
        }
        return switch (s.view) {
            case DETAIL -> Scope.DETAIL;
            case HELP -> Scope.HELP;
            case EVENTS -> Scope.EVENTS;
            case CHECKLIST -> s.checklist.run == null ? Scope.CHECKLISTS : Scope.CHECKLIST;
            case HOSTS -> Scope.HOSTS;
            case DASHBOARD -> switch (s.panel) {
                case CONTAINERS -> Scope.CONTAINERS;
                case LOGS -> Scope.LOGS;
                case ALERTS -> Scope.ALERTS;
                case BACKUPS -> Scope.BACKUPS;
                case SECURITY -> Scope.SECURITY;
                case RESOURCES, HEALTH -> Scope.GLOBAL;
            };
        };
    }

    private void drawPanels(Canvas full, UiState s, Layout layout, Instant now) {
        Messages m = ctx.messages();
        for (var e : layout.panels().entrySet()) {
            Canvas.Rect r = e.getValue();
            Canvas frame = full.sub(r.col(), r.row(), r.width(), r.height());
            boolean active = e.getKey() == s.panel;
            frame.frame(panelTitle(e.getKey(), s), active && !layout.tabbed());
            Canvas inner = frame.inner();
            switch (e.getKey()) {
                case CONTAINERS -> {
                    ContainersSnapshot snap = s.containers == null
                            ? ContainersSnapshot.initial(EngineStatus.connecting("", now)) : s.containers;
                    s.keepSelectionVisible(ContainersPanel.bodyHeight(inner.height(), snap) - 1);
                    ContainersPanel.draw(inner, snap, s.panelRows(), ctx.stackNames(), s.selectedIndex(), s.scroll, active, now, m,
                            ctx.format(), s.drift, s.swarm.manager() ? s.swarm.problem() : "");
                }
                case RESOURCES -> LinesView.draw(inner, resourceLines(s, inner.width()), 0);
                case LOGS -> LogsView.draw(inner, s.logs, logsAvailable, now, m, ctx.format());
                case HEALTH -> HealthView.drawHealth(inner, s, ctx, now);
                case ALERTS -> HealthView.drawAlerts(inner, s, ctx, now, active);
                case BACKUPS -> LinesView.draw(inner, BackupLines.render(s.alerts.backups,
                        s.alerts.backupsError, s.alerts.backupRunning, s.alerts.schedule, now, m, ctx.format()), 0);
                case SECURITY -> SecurityView.draw(inner, s.security, now, m, ctx.format());
            }
        }
    }

    private String panelTitle(Panel p, UiState s) {
        Messages m = ctx.messages();
        if (p == Panel.CONTAINERS && s.containers != null) {
            long running = s.containers.containers().stream().filter(ContainerInfo::running).count();
            // Rows kept from before the engine went away or silent are what it said last, not what is.
            String key = s.containers.engine().connected() || s.containers.containers().isEmpty()
                    ? "panel.containers.count" : "panel.containers.lastKnown";
            String title = m.get(key, m.get(p.titleKey), running, s.containers.containers().size());
            if (s.swarm.manager()) {
                // Tasks' containers are counted above (they are containers); the services are what a manager adds.
                title += m.get("swarm.title", s.swarm.services().size());
            }
            return s.drift.findings().isEmpty() ? title : title + m.get("compose.drift.title", s.drift.findings().size());
        }
        if (p == Panel.LOGS) {
            return LogsView.title(s.logs, m);
        }
        if (p == Panel.ALERTS) {
            return HealthView.alertsTitle(s, m);
        }
        if (p == Panel.SECURITY) {
            return SecurityView.title(s.security, m);
        }
        return m.get(p.titleKey);
    }

    /** The Resources panel's lines, made again only when a new host sample arrives or the width changes. */
    private List<List<StyledText>> resourceLines(UiState s, int width) {
        if (resources == null || resourcesHost != s.host || resourcesWidth != width || resourcesMessages != ctx.messages()) {
            resources = ResourceLines.render(s.host, ctx.thresholds(), width, ctx.messages(), ctx.format());
            resourcesHost = s.host;
            resourcesWidth = width;
            resourcesMessages = ctx.messages();
        }
        return resources;
    }

    /** How many lines the Resources panel has (the same at every width). */
    private int resourceLineCount(UiState s) {
        return resources != null && resourcesHost == s.host && resourcesMessages == ctx.messages()
                ? resources.size() : resourceLines(s, 80).size();
    }

    private void drawDetail(Canvas body, UiState s, Instant now) {
        Messages m = ctx.messages();
        String name = s.detail != null ? s.detail.summary().name() : s.detailId;
        body.frame(m.get("detail.title", name == null ? "" : name), true);
        Canvas inner = body.inner();
        if (s.detailError != null) {
            inner.text(1, 0, s.detailError, Style.CRITICAL);
            return;
        }
        if (s.detail == null) {
            inner.text(1, 0, m.get("detail.loading"), Style.MUTED);
            return;
        }
        Drift.Finding drift = s.drift.about(s.detail.summary().name());
        List<List<StyledText>> lines = DetailLines.render(s.detail, now, m, ctx.format(), drift == null ? null : s.drift.reason(drift, m));
        s.detailScroll = Math.min(s.detailScroll, LinesView.maxScroll(lines.size(), inner.height()));
        LinesView.draw(inner, lines, s.detailScroll);
    }

    private void drawHelp(Canvas body, UiState s) {
        Messages m = ctx.messages();
        body.frame(m.get("help.title"), true);
        Canvas inner = body.inner();
        if (help == null || helpMessages != m) {
            help = helpLines(m);
            helpMessages = m;
        }
        List<List<StyledText>> lines = help;
        s.helpScroll = Math.min(s.helpScroll, LinesView.maxScroll(lines.size(), inner.height()));
        LinesView.draw(inner, lines, s.helpScroll);
    }

    /** The help text: every scope's keys from the key table, in this language. */
    private List<List<StyledText>> helpLines(Messages m) {
        List<List<StyledText>> lines = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            List<KeyBinding> rows = ctx.keys().inScope(scope);
            if (rows.isEmpty()) {
                continue;
            }
            lines.add(List.of(StyledText.of(m.get(scope.titleKey()), Style.HEADER)));
            for (KeyBinding b : rows) {
                lines.add(List.of(StyledText.of("  " + Cells.fit(b.keyLabels(), 18), Style.KEY),
                        StyledText.of(m.get(b.descriptionKey()) + (b.dangerous() ? "  " + m.get("help.dangerous") : ""), Style.NORMAL)));
            }
            lines.add(List.of());
        }
        if (ctx.keys().readOnly()) {
            lines.add(List.of(StyledText.of(m.get("help.readOnly"), Style.WARNING)));
        }
        return List.copyOf(lines);
    }

    private void drawHints(Canvas full, UiState s, Instant now) {
        int row = full.height() - 2;
        if (row < 1) {
            return;
        }
        full.fillRow(row, Style.NORMAL);
        if (s.flash != null && now.isBefore(s.flash.until())) {
            full.text(1, row, s.flash.text(), s.flash.style());
            return;
        }
        int col = 1;
        for (Hint h : hints(scope(s))) {
            if (col + h.width() + 2 > full.width()) {
                break;
            }
            col = full.text(col, row, h.key(), Style.KEY);
            col = full.text(col + 1, row, h.description(), Style.MUTED) + 2;
        }
    }

    private List<Hint> hints(Scope scope) {
        Messages m = ctx.messages();
        if (hintsMessages != m) {
            hints.clear();
            hintsMessages = m;
        }
        List<Hint> row = hints.get(scope);
        if (row == null) {
            List<Hint> made = new ArrayList<>();
            for (KeyBinding b : ctx.keys().hints(scope)) {
                String key = b.keys().get(0).label();
                String desc = m.get(b.descriptionKey());
                made.add(new Hint(key, desc, Cells.width(key) + Cells.width(desc)));
            }
            row = List.copyOf(made);
            hints.put(scope, row);
        }
        return row;
    }

    private void drawStatusBar(Canvas full, UiState s, Instant now) {
        Messages m = ctx.messages();
        int row = full.height() - 1;
        full.fillRow(row, Style.STATUS_BAR);
        EngineStatus e = s.containers == null ? null : s.containers.engine();
        String engine;
        Style engineStyle = Style.STATUS_BAR;
        String where = e == null ? "" : ctx.dockerContext().isEmpty() ? e.endpoint()
                : m.get("status.dockerContext", ctx.dockerContext(), e.endpoint());
        if (e == null || (!e.connected() && e.error().isEmpty())) {
            engine = m.get("status.engineConnecting", where);
        } else if (e.connected()) {
            engine = m.get("status.engine", where, e.apiVersion());
        } else if (e.notAnswering()) {
            engine = m.get("status.engineSilent", where);
            engineStyle = Style.CRITICAL;
        } else {
            engine = m.get("status.engineDown", where);
            engineStyle = Style.CRITICAL;
        }
        // Right to left: the clock, then the count of firing alerts nobody acknowledged (the one thing on
        // the status bar that must catch the eye), then as much of the config path as fits.
        String clock = " " + ctx.format().clock(now) + " ";
        int right = full.width() - Cells.width(clock);
        full.text(right, row, clock, Style.STATUS_BAR);
        long firing = s.alerts.health.needingAttention();
        if (firing > 0) {
            String alarm = " " + m.get("status.firing", firing) + " ";
            right -= Cells.width(alarm);
            full.text(right, row, alarm, Style.CRITICAL);
        }
        // With several engines, which one every panel shows comes first: the one thing a switch changes.
        int col = ctx.engine().isEmpty() ? 1 : full.text(1, row, m.get("status.currentEngine", ctx.engine()) + " ", Style.ACCENT);
        col = full.text(col, row, engine, engineStyle);
        String config = "  " + m.get("status.config", ctx.configLabel());
        int room = right - col - 1;
        if (room > 4) {
            full.text(col, row, Cells.truncate(config, room), Style.STATUS_BAR);
        }
    }

    private void drawConfirm(Canvas full, UiState.Confirm c) {
        Messages m = ctx.messages();
        // Container actions name the container; backup actions name what is backed up.
        String question = m.get("confirm." + c.action().name().toLowerCase(Locale.ROOT) + (c.service() ? "Service" : ""), c.containerName());
        String keys = m.get("confirm.keys");
        int w = Math.min(full.width() - 2, Math.max(Cells.width(question), Cells.width(keys)) + 6);
        int h = 5;
        int col = (full.width() - w) / 2;
        int row = Math.max(1, (full.height() - h) / 2);
        Canvas box = full.sub(col, row, w, h);
        box.fill(0, 0, w, h, Style.DIALOG);
        box.frame(m.get("confirm.title"), true);
        box.text(2, 1, question, Style.DIALOG);
        box.text(2, 3, keys, Style.DIALOG);
    }
}
