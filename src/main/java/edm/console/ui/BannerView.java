package edm.console.ui;

import edm.console.core.UnattendedResult;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.keys.Action;
import edm.console.ui.keys.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The banner above the hint bar: a workflow a crash left unfinished (where it stopped, both containers,
 * the keys to resume or roll it back), a workflow another console is still finishing, and what finished
 * while the terminal was away (result, by whom, when) until dismissed. The keys come from the key table.
 */
final class BannerView {
    /** Results shown at most; the newest ones. */
    static final int MAX_RESULTS = 3;

    private BannerView() {
    }

    /** The banner's lines for this state; empty when there is nothing to say. */
    static List<StyledText> lines(UiState s, UiContext ctx) {
        Messages m = ctx.messages();
        List<StyledText> out = new ArrayList<>();
        UnfinishedWorkflow u = s.unfinished;
        if (u != null) {
            String when = ctx.format().dateTime(u.at());
            if (!u.journaled()) {
                String release = ctx.keys().keyFor(Scope.BANNER, Action.ROLL_BACK_WORKFLOW);
                out.add(StyledText.of(m.get("banner.staleLock", u.workflow(), u.holder(), when), Style.WARNING));
                out.add(StyledText.of("  " + (release.isEmpty() ? m.get("banner.readOnly")
                        : "[" + release + "] " + m.get("banner.releaseLock")), Style.WARNING));
            } else if (u.holderAlive()) {
                out.add(StyledText.of(m.get("banner.running", u.workflow(), u.service(), u.image(), u.step(), u.phase(), when,
                        u.holder()), Style.WARNING));
            } else {
                out.add(StyledText.of(m.get("banner.unfinished", u.workflow(), u.service(), u.image(), u.step(), u.phase(), when,
                        u.holder().isEmpty() ? m.get("banner.noLock") : m.get("banner.deadHolder", u.holder())), Style.CRITICAL));
                String keys = keys(ctx, Action.RESUME_WORKFLOW, Action.ROLL_BACK_WORKFLOW);
                String containers = String.join("; ", u.containers());
                out.add(StyledText.of(keys.isEmpty() ? "  " + m.get("banner.readOnly") + "  " + containers
                        : "  " + keys + "   " + containers, Style.WARNING));
            }
        }
        List<UnattendedResult> results = s.unattended;
        int from = Math.max(0, results.size() - MAX_RESULTS);
        for (int i = from; i < results.size(); i++) {
            UnattendedResult r = results.get(i);
            String whatKey = "banner.what." + r.what().replace(' ', '_');
            String line = m.get("banner.unattended", ctx.format().dateTime(r.terminalLostAt()),
                    m.has(whatKey) ? m.get(whatKey) : r.what(), r.subject(),
                    r.user(), ctx.format().dateTime(r.finished()), r.result());
            if (i == from) {
                String dismiss = keys(ctx, Action.DISMISS_BANNER);
                line = dismiss + "  " + (from > 0 ? m.get("banner.more", from) + " " : "") + line;
            } else {
                line = "  " + line;
            }
            out.add(StyledText.of(line, r.ok() ? Style.OK : Style.CRITICAL));
        }
        return out;
    }

    /** "U resume  X roll back" from the key table (empty for keys dropped in read-only). */
    private static String keys(UiContext ctx, Action... actions) {
        List<String> parts = new ArrayList<>();
        for (Action a : actions) {
            String key = ctx.keys().keyFor(Scope.BANNER, a);
            ctx.keys().inScope(Scope.BANNER).stream().filter(b -> b.action() == a).findFirst()
                    .ifPresent(b -> parts.add("[" + key + "] " + ctx.messages().get(b.descriptionKey())));
        }
        return String.join("  ", parts);
    }

    /** The lines wrapped to {@code cells} (at spaces where there are any; CJK text breaks anywhere), continuation indented. */
    static List<StyledText> wrapped(List<StyledText> lines, int cells) {
        List<StyledText> out = new ArrayList<>();
        int room = Math.max(8, cells);
        for (StyledText l : lines) {
            String rest = l.text();
            boolean first = true;
            while (!rest.isEmpty()) {
                String prefix = first ? "" : "    ";
                int avail = room - Cells.width(prefix);
                if (Cells.width(rest) <= avail) {
                    out.add(StyledText.of(prefix + rest, l.style()));
                    break;
                }
                int cut = 0;
                int width = 0;
                int lastSpace = -1;
                while (cut < rest.length()) {
                    int cp = rest.codePointAt(cut);
                    int w = Cells.width(cp);
                    if (width + w > avail) {
                        break;
                    }
                    if (cp == ' ') {
                        lastSpace = cut;
                    }
                    width += w;
                    cut += Character.charCount(cp);
                }
                int at = lastSpace > avail / 2 ? lastSpace : Math.max(1, cut);
                out.add(StyledText.of(prefix + rest.substring(0, at).stripTrailing(), l.style()));
                rest = rest.substring(at).stripLeading();
                first = false;
            }
        }
        return out;
    }

    static void draw(Canvas full, int row, List<StyledText> lines) {
        for (int i = 0; i < lines.size(); i++) {
            full.fillRow(row + i, Style.NORMAL);
            full.text(1, row + i, lines.get(i).text(), lines.get(i).style());
        }
    }
}
