package edm.console.ui;

import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Outcome;
import edm.console.i18n.Messages;
import edm.console.text.TerminalSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws the checklist picker, the walk through a run, and the note / reason prompt line. */
final class ChecklistView {
    private ChecklistView() {
    }

    static void draw(Canvas body, ChecklistState s, List<Checklist> lists, Messages m) {
        if (s.run == null) {
            drawPicker(body, s, lists, m);
        } else {
            drawWalk(body, s, m);
        }
    }

    private static void drawPicker(Canvas body, ChecklistState s, List<Checklist> lists, Messages m) {
        body.frame(m.get("checklist.ui.pickTitle"), true);
        Canvas inner = body.inner();
        List<List<StyledText>> lines = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            Checklist c = lists.get(i);
            Style st = i == s.selected ? Style.SELECTED : Style.NORMAL;
            lines.add(List.of(StyledText.of(String.format("%-12s ", c.name()), st), StyledText.of(clean(c.title()), st),
                    StyledText.of("  " + clean(c.titleEn()), i == s.selected ? Style.SELECTED : Style.MUTED),
                    StyledText.of("  " + m.get("checklist.cli.counts", c.items().size(),
                            c.items().stream().filter(Checklist.Item::automatic).count()), Style.MUTED)));
        }
        if (lists.isEmpty()) {
            lines.add(List.of(StyledText.of(m.get("checklist.ui.none"), Style.MUTED)));
        }
        LinesView.draw(inner, lines, Math.max(0, s.selected - inner.height() + 1));
    }

    private static void drawWalk(Canvas body, ChecklistState s, Messages m) {
        ChecklistRun run = s.run;
        Checklist c = run.checklist();
        body.frame(m.get("checklist.ui.walkTitle", clean(c.title() + (c.titleEn().isBlank() ? "" : " — " + c.titleEn())),
                run.position(), c.items().size()), true);
        Canvas inner = body.inner();
        List<List<StyledText>> lines = new ArrayList<>();
        int currentLine = 0;
        List<ItemResult> results = run.results();
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            Checklist.Item item = r.item();
            boolean current = !run.finished() && i == run.position();
            if (current) {
                currentLine = lines.size();
            }
            String mark = current ? (s.checking ? "…" : "▶") : " ";
            String word = current && s.checking ? m.get("checklist.ui.checking") : outcomeWord(r.outcome(), m);
            lines.add(List.of(StyledText.of(mark + " " + (i + 1) + ". ", current ? Style.SELECTED : Style.NORMAL),
                    StyledText.of(String.format("%-10s ", word), style(r.outcome())),
                    StyledText.of(clean(item.title()), current ? Style.SELECTED : Style.NORMAL),
                    StyledText.of(item.required() ? "" : " (" + m.get("checklist.optional") + ")", Style.MUTED)));
            if (!item.titleEn().isBlank()) {
                lines.add(List.of(StyledText.of("                " + clean(item.titleEn()), Style.MUTED)));
            }
            if (!r.value().isEmpty()) {
                String at = r.at() == null ? "" : "  @ " + r.at();
                lines.add(List.of(StyledText.of("                " + clean(r.value()) + at, style(r.outcome()))));
            }
            for (String d : r.details()) {
                lines.add(List.of(StyledText.of("                  " + clean(d), Style.MUTED)));
            }
            if (!r.note().isEmpty()) {
                String label = m.get(r.outcome() == Outcome.SKIPPED ? "checklist.report.reason" : "checklist.report.note");
                lines.add(List.of(StyledText.of("                " + label + ": " + clean(r.note()), Style.NORMAL)));
            }
            if (!item.actions().isEmpty() && (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.UNKNOWN)) {
                lines.add(List.of(StyledText.of("                " + m.get("checklist.cli.actions", String.join(", ", item.actions())),
                        Style.ACCENT)));
            }
        }
        if (run.finished()) {
            int failing = run.requiredFailures().size();
            lines.add(List.of());
            lines.add(List.of(StyledText.of(failing == 0 ? m.get("checklist.report.ok") : m.get("checklist.report.failing", failing),
                    failing == 0 ? Style.OK : Style.WARNING)));
            currentLine = lines.size() - 1;
        }
        int scroll = Math.max(0, Math.min(currentLine - inner.height() / 2, LinesView.maxScroll(lines.size(), inner.height())));
        LinesView.draw(inner, lines, scroll);
    }

    static String outcomeWord(Outcome o, Messages m) {
        return m.get("checklist.outcome." + o.name().toLowerCase(Locale.ROOT));
    }

    private static Style style(Outcome o) {
        return switch (o) {
            case PASS, CONFIRMED -> Style.OK;
            case WARN, SKIPPED -> Style.WARNING;
            case FAIL -> Style.CRITICAL;
            case UNKNOWN, PENDING -> Style.MUTED;
        };
    }

    /** The prompt replaces the hint bar while it is open. */
    static void drawPrompt(Canvas full, ChecklistState s, Messages m) {
        int row = full.height() - 2;
        full.fillRow(row, Style.DIALOG);
        String label = m.get(s.promptKind == ChecklistState.PromptKind.REASON ? "checklist.ui.promptReason" : "checklist.ui.promptNote")
                + " ";
        int col = full.text(1, row, label, Style.DIALOG);
        col = full.text(col, row, s.editor.beforeCursor(), Style.SELECTED);
        full.text(col, row, "▏" + s.editor.text().substring(s.editor.beforeCursor().length()), Style.SELECTED);
    }

    private static String clean(String s) {
        return TerminalSafe.clean(s == null ? "" : s);
    }
}
