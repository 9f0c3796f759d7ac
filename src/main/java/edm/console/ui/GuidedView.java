package edm.console.ui;

import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.text.TerminalSafe;
import edm.console.ui.guided.PlanView;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws the guided deploy / rollback dialog over the panels: the pickers, the checklist gate, the plan
 * waiting for y, the run's step list with the health gate's attempts and the new container's log tail,
 * the result with what to do next. Fits an 80x24 terminal: the box leaves the top bar, the hint row and
 * the status bar visible. Tags, log lines and reasons come from outside and are cleaned before drawing.
 */
final class GuidedView {
    /** The steps that undo a failed run: they stay on their own line when the others fold into one. */
    private static final Set<String> UNDO_STEPS = Set.of("rollback", "switch-back");

    private GuidedView() {
    }

    static void draw(Canvas full, GuidedState g, UiContext ctx, Instant now) {
        Messages m = ctx.messages();
        int w = Math.min(full.width() - 2, 110);
        int h = Math.max(6, full.height() - 4);
        Canvas box = full.sub((full.width() - w) / 2, 2, w, h);
        box.fill(0, 0, box.width(), box.height(), Style.NORMAL);
        String title = m.get(g.deploy() ? "guided.title.deploy" : "guided.title.rollback", clean(g.container),
                clean(g.tag == null ? "" : g.tag));
        box.frame(title, true);
        Canvas inner = box.inner();
        int width = inner.width() - 2;
        Canvas text = inner.sub(1, 0, width, inner.height());
        List<List<StyledText>> lines = new ArrayList<>();
        int keepVisible = 0;
        switch (g.stage) {
            case LOADING -> line(lines, m.get(g.deploy() ? "guided.loading.tags" : "guided.loading.releases"), Style.MUTED);
            case PICK_TAG -> keepVisible = tagLines(lines, g, m, ctx.format(), width);
            case PICK_RELEASE -> keepVisible = releaseLines(lines, g, m, ctx.format(), width);
            case PLANNING -> line(lines, m.get(g.deploy() ? "guided.planning.deploy" : "guided.planning.rollback"), Style.MUTED);
            case GATE -> {
                wrap(lines, m.get("guided.gate.refused"), Style.WARNING, width);
                wrap(lines, clean(g.reason), Style.NORMAL, width);
                lines.add(List.of());
                wrap(lines, m.get("guided.gate.offer"), Style.NORMAL, width);
            }
            case CONFIRM -> planLines(lines, g.plan, m, width);
            case RUNNING, DONE -> runLines(lines, g, m, ctx.format(), now, width, text.height());
            case REFUSED -> {
                wrap(lines, clean(g.reason), Style.CRITICAL, width);
                lines.add(List.of());
                line(lines, m.get("guided.nothingChanged"), Style.MUTED);
            }
        }
        int scroll = Math.max(0, keepVisible - text.height() + 1);
        LinesView.draw(text, lines, scroll);
    }

    private static int tagLines(List<List<StyledText>> lines, GuidedState g, Messages m, Format f, int width) {
        String before = g.editor.beforeCursor();
        String after = g.editor.text().substring(before.length());
        lines.add(List.of(StyledText.of(m.get("guided.tag.prompt") + " ", Style.HEADER), StyledText.of(clean(before), Style.NORMAL),
                StyledText.of("▏", Style.ACCENT), StyledText.of(clean(after), Style.NORMAL)));
        wrap(lines, m.get("guided.tag.help", clean(g.repository)), Style.MUTED, width);
        if (!g.tagsProblem.isEmpty()) {
            wrap(lines, clean(g.tagsProblem), Style.WARNING, width);
        }
        List<TagChoice> shown = g.shownTags();
        if (shown.isEmpty()) {
            line(lines, m.get(g.tags.isEmpty() ? "guided.tag.none" : "guided.tag.noMatch"), Style.MUTED);
            return 0;
        }
        int tagWidth = Math.min(24, Math.max(8, shown.stream().mapToInt(t -> Cells.width(clean(t.tag()))).max().orElse(8)));
        lines.add(List.of(StyledText.of("  " + Cells.fit(m.get("guided.col.tag"), tagWidth) + " " + Cells.fit(m.get("guided.col.image"), 12)
                + " " + Cells.fit(m.get("guided.col.created"), 19) + " ", Style.MUTED)));
        int first = lines.size();
        for (int i = 0; i < shown.size(); i++) {
            TagChoice t = shown.get(i);
            boolean sel = i == g.selected;
            List<String> marks = new ArrayList<>();
            if (t.running()) {
                marks.add(m.get("guided.mark.running"));
            }
            if (t.previousGood()) {
                marks.add(m.get("guided.mark.previousGood"));
            }
            if (t.failed()) {
                marks.add(m.get("guided.mark.failed"));
            }
            String row = (sel ? "▶ " : "  ") + Cells.fit(clean(t.tag()), tagWidth) + " " + Cells.fit(shortId(t.imageId()), 12) + " "
                    + Cells.fit(t.created() == null ? f.none() : f.dateTime(t.created()), 19) + " ";
            Style markStyle = t.failed() ? Style.CRITICAL : t.running() ? Style.OK : Style.ACCENT;
            lines.add(List.of(StyledText.of(row, sel ? Style.SELECTED : Style.NORMAL),
                    StyledText.of(String.join(", ", marks), sel ? Style.SELECTED : markStyle)));
        }
        return first + g.selected;
    }

    private static int releaseLines(List<List<StyledText>> lines, GuidedState g, Messages m, Format f, int width) {
        wrap(lines, m.get("guided.release.help", clean(g.container)), Style.MUTED, width);
        int tagWidth = Math.min(20, Math.max(8, g.releases.stream().mapToInt(r -> Cells.width(clean(r.tag()))).max().orElse(8)));
        lines.add(List.of(StyledText.of("  " + Cells.fit(m.get("guided.col.tag"), tagWidth) + " " + Cells.fit(m.get("guided.col.image"), 12)
                + " " + Cells.fit(m.get("guided.col.when"), 19) + " " + Cells.fit(m.get("guided.col.by"), 10) + " "
                + m.get("guided.col.result"), Style.MUTED)));
        int first = lines.size();
        for (int i = 0; i < g.releases.size(); i++) {
            ReleaseChoice r = g.releases.get(i);
            boolean sel = i == g.selected;
            String row = (sel ? "▶ " : "  ") + Cells.fit(clean(r.tag()), tagWidth) + " " + Cells.fit(shortId(r.imageId()), 12) + " "
                    + Cells.fit(f.dateTime(r.time()), 19) + " " + Cells.fit(clean(r.user()), 10) + " "
                    + word("guided.kind.", r.kind(), m) + " " + word("guided.result.", r.result(), m);
            lines.add(List.of(StyledText.of(row, sel ? Style.SELECTED : Style.NORMAL),
                    StyledText.of(r.current() ? "  " + m.get("guided.mark.running") : "", sel ? Style.SELECTED : Style.OK)));
        }
        return first + g.selected;
    }

    private static void planLines(List<List<StyledText>> lines, PlanView p, Messages m, int width) {
        line(lines, m.get("guided.plan.title", word("guided.kind.", p.kind(), m), clean(p.service()), clean(p.container())), Style.HEADER);
        wrap(lines, m.get("guided.plan.images", clean(p.oldImage()), shortId(p.oldImageId()), clean(p.newImage()),
                p.newImageId() == null ? "(build)" : shortId(p.newImageId())), Style.NORMAL, width);
        String pathKey = "guided.path." + p.path();
        wrap(lines, m.get("guided.plan.path", m.has(pathKey) ? m.get(pathKey) : clean(p.path())), Style.NORMAL, width);
        for (String n : p.notes()) {
            wrap(lines, clean(n), Style.WARNING, width);
        }
        line(lines, m.get("guided.plan.steps"), Style.HEADER);
        int i = 1;
        for (String s : p.steps()) {
            line(lines, String.format("  %2d. %s", i++, stepLabel(s, m)), Style.NORMAL);
        }
        lines.add(List.of());
        wrap(lines, m.get("guided.plan.ask." + (p.kind().equals("rollback") ? "rollback" : "deploy")), Style.WARNING, width);
    }

    private static void runLines(List<List<StyledText>> lines, GuidedState g, Messages m, Format f, Instant now, int width,
                                 int height) {
        // At the end, with little room (80x24), the steps that went well become one line so the log tail still shows.
        List<GuidedState.StepRow> rows = g.steps;
        Predicate<GuidedState.StepRow> folded = r -> r.status == GuidedState.StepStatus.DONE
                && !UNDO_STEPS.contains(r.step);
        int done = (int) rows.stream().filter(folded).count();
        if (g.result != null && rows.size() + 12 > height && done > 1) {
            Duration total = rows.stream().filter(folded).filter(r -> r.elapsed != null).map(r -> r.elapsed)
                    .reduce(Duration.ZERO, Duration::plus);
            lines.add(List.of(StyledText.of("✓ " + m.get("guided.run.stepsDone", done), Style.OK),
                    StyledText.of("  " + seconds(total, m), Style.MUTED)));
            rows = rows.stream().filter(folded.negate()).filter(r -> r.status != GuidedState.StepStatus.PENDING).toList();
        }
        for (GuidedState.StepRow r : rows) {
            String mark = switch (r.status) {
                case PENDING -> "·";
                case RUNNING -> "▶";
                case DONE -> "✓";
                case FAILED -> "✗";
                case SKIPPED -> "-";
            };
            Style st = switch (r.status) {
                case PENDING, SKIPPED -> Style.MUTED;
                case RUNNING -> Style.ACCENT;
                case DONE -> Style.OK;
                case FAILED -> Style.CRITICAL;
            };
            Duration took = r.status == GuidedState.StepStatus.RUNNING && r.began != null ? Duration.between(r.began, now) : r.elapsed;
            String time = took == null ? "" : "  " + seconds(took, m);
            List<StyledText> row = new ArrayList<>(List.of(StyledText.of(mark + " " + stepLabel(r.step, m), st),
                    StyledText.of(time, Style.MUTED)));
            if (r.status == GuidedState.StepStatus.RUNNING && g.attempts > 0) {
                row.add(StyledText.of("  " + (g.attemptProblem.isBlank() ? m.get("guided.run.attemptOnly", g.attempts)
                        : m.get("guided.run.attempt", g.attempts, clean(g.attemptProblem))), Style.WARNING));
            } else if (r.status == GuidedState.StepStatus.FAILED && !r.detail.isEmpty()) {
                row.add(StyledText.of("  " + clean(r.detail), Style.CRITICAL));
            }
            lines.add(row);
        }
        if (g.result != null) {
            lines.add(List.of());
            RunResult res = g.result;
            wrap(lines, clean(res.summary()), res.ok() ? Style.OK : Style.CRITICAL, width);
            if (!res.next().isBlank()) {
                wrap(lines, m.get("guided.run.next", clean(res.next())), Style.NORMAL, width);
            }
        }
        boolean logs = !g.log.isEmpty();
        if (!logs && g.output.isEmpty()) {
            return;
        }
        int room = height - lines.size() - 2;
        if (room < 1) {
            return;
        }
        lines.add(List.of());
        line(lines, m.get(logs ? "guided.run.log" : "guided.run.output"), Style.HEADER);
        List<String> tail = new ArrayList<>();
        Iterator<String> it = (logs ? g.log : g.output).descendingIterator();
        while (it.hasNext() && tail.size() < room) {
            tail.add(0, it.next());
        }
        for (String l : tail) {
            lines.add(List.of(StyledText.of("  " + Cells.truncate(clean(l), Math.max(1, width - 2)), Style.MUTED)));
        }
    }

    private static String seconds(Duration d, Messages m) {
        return String.format(m.locale(), "%.1f s", d.toMillis() / 1000.0);
    }

    /** A workflow word (deploy, rollback, ok, rolled-back, failed) in the operator's language, as is when unknown. */
    private static String word(String prefix, String value, Messages m) {
        String key = prefix + value;
        return m.has(key) ? m.get(key) : clean(value);
    }

    static String stepLabel(String step, Messages m) {
        String key = "workflow.step." + step;
        return m.has(key) ? m.get(key) : clean(step);
    }

    static String shortId(String id) {
        if (id == null || id.isBlank()) {
            return "?";
        }
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static void line(List<List<StyledText>> lines, String text, Style style) {
        lines.add(List.of(StyledText.of(text, style)));
    }

    private static void wrap(List<List<StyledText>> lines, String text, Style style, int width) {
        for (StyledText t : BannerView.wrapped(List.of(StyledText.of(text, style)), width)) {
            lines.add(List.of(t));
        }
    }

    private static String clean(String s) {
        return s == null ? "" : TerminalSafe.clean(s);
    }
}
