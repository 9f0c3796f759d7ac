package edm.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import edm.console.text.Align;
import edm.console.text.TerminalSafe;
import edm.console.text.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * The security report as a table for people or JSON for tools. Every text passes the terminal sanitiser
 * and the URL-password masker: evidence quotes files an attacker may have written.
 */
final class SecurityText {
    private SecurityText() {
    }

    static List<String> table(SecurityReport report, int width) {
        TextTable t = new TextTable()
                .column(Messages.t("security.col.status"), Align.LEFT)
                .column(Messages.t("security.col.rule"), Align.LEFT)
                .shrinkableColumn(Messages.t("security.col.check"), Align.LEFT)
                .shrinkableColumn(Messages.t("security.col.evidence"), Align.LEFT)
                .shrinkableColumn(Messages.t("security.col.fix"), Align.LEFT);
        for (Finding f : report.findings()) {
            // An accepted risk stays in the table, muted: its status word says so and its reason replaces the fix.
            String status = f.accepted() ? Messages.t("security.status.accepted") : ProbeReport.statusWord(f.status());
            String fix = f.accepted() ? Messages.t("security.acceptedBecause", f.acceptedReason()) : f.fix();
            t.row(status, f.rule(), safe(f.title()), safe(f.evidence()), safe(fix));
        }
        return t.lines(width);
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
