package edm.console.ui.panels;

import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import edm.console.text.Cells;
import edm.console.text.TerminalSafe;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Security panel's text (pure): a line saying when the rules last ran, then one row per finding
 * (status word, rule id, evidence, the fix in one line) cut to the width, and a finding's full text for
 * its detail. Every piece of a finding is untrusted (evidence quotes files and headers from outside):
 * it passes the terminal sanitiser and the URL-password masker before its width is measured.
 */
public final class SecurityLines {
    /** A rule id wider than this is cut: the evidence is what the row is for. */
    private static final int MAX_RULE_CELLS = 24;

    private SecurityLines() {
    }

    /** "checked 10:03 (2m ago): CRITICAL, 2 to act on, 1 accepted", or "checking..." before the first report. */
    public static StyledText header(SecurityReport report, boolean checking, Instant now, Messages m, Format f) {
        if (report == null) {
            return StyledText.of(m.get("securityPanel.checkingFirst"), Style.MUTED);
        }
        long accepted = report.findings().stream().filter(x -> x.accepted() && x.status() != ProbeStatus.OK).count();
        String text = m.get("securityPanel.checked", f.clock(report.at()), f.ago(report.at(), now), statusWord(report.worst(), m),
                report.problems().size(), accepted);
        if (checking) {
            text += "  " + m.get("securityPanel.checkingAgain");
        }
        return StyledText.of(text, style(report.worst()));
    }

    /** One row per finding, {@code width} cells wide at most; the selected one marked. */
    public static List<List<StyledText>> rows(SecurityReport report, int selected, int width, Messages m) {
        List<List<StyledText>> out = new ArrayList<>();
        int statusWidth = Cells.width(m.get("security.status.accepted"));
        int ruleWidth = 0;
        for (Finding f : report.findings()) {
            statusWidth = Math.max(statusWidth, Cells.width(statusWord(f.status(), m)));
            ruleWidth = Math.max(ruleWidth, Math.min(MAX_RULE_CELLS, Cells.width(safe(f.rule()))));
        }
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            boolean sel = i == selected;
            Style text = sel ? Style.SELECTED : f.accepted() ? Style.MUTED : Style.NORMAL;
            String status = f.accepted() ? m.get("security.status.accepted") : statusWord(f.status(), m);
            String head = (sel ? "> " : "  ") + Cells.fit(status, statusWidth) + "  ";
            String rule = Cells.fit(safe(f.rule()), ruleWidth) + "  ";
            int room = Math.max(0, width - Cells.width(head) - Cells.width(rule));
            String tail = tail(f, m);
            // What was found comes first; the fix keeps at least a third of the room (or all it needs, if less).
            int fixNeeds = tail.isEmpty() ? 0 : Cells.width(tail) + 2;
            String evidence = Cells.truncate(safe(f.evidence().isEmpty() ? f.title() : f.evidence()),
                    Math.max(0, room - Math.min(fixNeeds, room / 3)));
            String fix = tail.isEmpty() ? "" : "  " + Cells.truncate(tail, Math.max(0, room - Cells.width(evidence) - 2));
            out.add(List.of(StyledText.of(head, f.accepted() ? Style.MUTED : style(f.status())), StyledText.of(rule, text),
                    StyledText.of(evidence, text), StyledText.of(fix, f.accepted() ? Style.MUTED : Style.ACCENT)));
        }
        return out;
    }

    /** The finding's full text, unwrapped: what is checked, the evidence, and the fix or the reason it is accepted. */
    public static List<StyledText> detail(Finding f, Messages m) {
        List<StyledText> out = new ArrayList<>();
        out.add(StyledText.of(safe(f.title()), Style.HEADER));
        if (!f.evidence().isEmpty()) {
            out.add(StyledText.plain(m.get("securityPanel.evidence", safe(f.evidence()))));
        }
        String tail = tail(f, m);
        if (!tail.isEmpty()) {
            out.add(StyledText.of(tail, f.accepted() ? Style.MUTED : Style.ACCENT));
        }
        return out;
    }

    /** "fix: ..." for what is to be acted on, "accepted: reason" for an accepted risk, nothing for what is well. */
    private static String tail(Finding f, Messages m) {
        if (f.accepted()) {
            return m.get("security.acceptedBecause", safe(f.acceptedReason()));
        }
        return f.status() != ProbeStatus.OK && !f.fix().isEmpty() ? m.get("security.fixLine", safe(f.fix())) : "";
    }

    public static String statusWord(ProbeStatus s, Messages m) {
        return m.get("check.status." + s.name().toLowerCase(Locale.ROOT));
    }

    public static Style style(ProbeStatus s) {
        return switch (s) {
            case OK -> Style.OK;
            case WARNING, UNKNOWN -> Style.WARNING;
            case CRITICAL -> Style.CRITICAL;
        };
    }

    static String safe(String s) {
        return s == null ? "" : TerminalSafe.clean(Secrets.maskUrlPasswords(s));
    }
}
