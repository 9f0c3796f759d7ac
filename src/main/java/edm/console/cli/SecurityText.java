package edm.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import edm.console.text.Cells;
import edm.console.text.TerminalSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The security report as a table for people or JSON for tools. Every text passes the terminal sanitiser
 * and the URL-password masker: evidence quotes files an attacker may have written.
 */
final class SecurityText {
    private SecurityText() {
    }

    /**
     * One block per finding: status, rule id and what is checked; then the evidence; then the fix for what
     * is to be acted on. Evidence and fix are never cut to a column: a path or a command cut short is no fix.
     */
    static List<String> lines(SecurityReport report) {
        int statusWidth = Cells.width(Messages.t("security.status.accepted"));
        int ruleWidth = 0;
        for (Finding f : report.findings()) {
            statusWidth = Math.max(statusWidth, Cells.width(ProbeReport.statusWord(f.status())));
            ruleWidth = Math.max(ruleWidth, Cells.width(f.rule()));
        }
        String indent = " ".repeat(statusWidth + 2);
        List<String> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            // An accepted risk stays in the report, muted: its status word says so and its reason replaces the fix.
            String status = f.accepted() ? Messages.t("security.status.accepted") : ProbeReport.statusWord(f.status());
            out.add(Cells.padRight(status, statusWidth) + "  " + Cells.padRight(f.rule(), ruleWidth) + "  " + safe(f.title()));
            if (!f.evidence().isEmpty()) {
                out.add(indent + safe(f.evidence()));
            }
            if (f.accepted()) {
                out.add(indent + Messages.t("security.acceptedBecause", safe(f.acceptedReason())));
            } else if (f.status() != ProbeStatus.OK && !f.fix().isEmpty()) {
                out.add(indent + Messages.t("security.fixLine", safe(f.fix())));
            }
        }
        return out;
    }

    static String summary(SecurityReport report) {
        long accepted = report.findings().stream().filter(f -> f.accepted() && f.status() != ProbeStatus.OK).count();
        return Messages.t("security.summary", ProbeReport.statusWord(report.worst()), report.findings().size(),
                report.problems().size(), accepted);
    }

    static ObjectNode json(SecurityReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("status", word(report.worst()));
        root.put("exitCode", report.exitCode());
        root.put("checkedAt", report.at().toString());
        ArrayNode arr = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = arr.addObject();
            n.put("rule", f.rule());
            n.put("status", word(f.status()));
            n.put("title", safe(f.title()));
            n.put("evidence", safe(f.evidence()));
            n.put("fix", safe(f.fix()));
            n.put("accepted", f.accepted());
            if (f.accepted()) {
                n.put("reason", safe(f.acceptedReason()));
            }
        }
        return root;
    }

    static String word(ProbeStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String safe(String s) {
        return s == null ? "" : TerminalSafe.clean(Secrets.maskUrlPasswords(s));
    }
}
