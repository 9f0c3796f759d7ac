package edm.console.checklist;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklist items bound to the security rules: the findings of one rule (patches) or of all of them,
 * judged as the report counts them (an accepted risk passes, with its reason in the details).
 */
final class SecurityItems {
    private SecurityItems() {
    }

    /** The verdict on the findings whose rule id is {@code rule} or starts with "rule." (every finding for ""). */
    static Verdict judge(SecurityReport report, String rule) {
        List<Finding> matching = report.findings().stream()
                .filter(f -> rule.isEmpty() || f.rule().equals(rule) || f.rule().startsWith(rule + ".")).toList();
        if (matching.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN, Messages.t("checklist.evidence.noSecurityRule", rule), List.of());
        }
        ProbeStatus worst = ProbeStatus.OK;
        List<String> details = new ArrayList<>();
        Finding first = null;
        for (Finding f : matching) {
            worst = worst.worse(f.counted());
            if (first == null && f.counted() != ProbeStatus.OK) {
                first = f;
            }
            String line = f.rule() + ": " + f.status() + (f.evidence().isEmpty() ? "" : " " + f.evidence());
            if (f.accepted()) {
                line += " (" + Messages.t("security.acceptedBecause", f.acceptedReason()) + ")";
            } else if (f.status() != ProbeStatus.OK && !f.fix().isEmpty()) {
                line += " (" + Messages.t("security.fixLine", f.fix()) + ")";
            }
            details.add(line);
        }
        Outcome outcome = switch (worst) {
            case OK -> Outcome.PASS;
            case WARNING -> Outcome.WARN;
            case CRITICAL -> Outcome.FAIL;
            case UNKNOWN -> Outcome.UNKNOWN;
        };
        long bad = matching.stream().filter(f -> f.counted() != ProbeStatus.OK).count();
        String value = first == null ? Messages.t("checklist.evidence.allOk", matching.size())
                : Messages.t("checklist.evidence.someBad", bad, matching.size(), first.rule() + " " + first.evidence());
        return new Verdict(outcome, value, details);
    }

    record Verdict(Outcome outcome, String value, List<String> details) {
    }
}
