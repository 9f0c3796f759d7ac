package edm.console.security;

import edm.console.core.ProbeStatus;

/**
 * One rule's verdict on one thing: what was checked (title), what was found and where (evidence: the file
 * and line, the header, the port), and the fix in one line. Text is already translated and never holds a
 * secret value. acceptedReason is non-null when {@code security.accept} silences it: the status is kept,
 * but it no longer counts.
 */
public record Finding(String rule, ProbeStatus status, String title, String evidence, String fix, String acceptedReason) {
    public Finding {
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
    }

    public static Finding of(String rule, ProbeStatus status, String title, String evidence, String fix) {
        return new Finding(rule, status, title, evidence, fix, null);
    }

    public static Finding ok(String rule, String title, String evidence) {
        return new Finding(rule, ProbeStatus.OK, title, evidence, "", null);
    }

    public boolean accepted() {
        return acceptedReason != null;
    }

    /** The status that counts toward the report and the exit code: an accepted risk counts as OK. */
    public ProbeStatus counted() {
        return accepted() ? ProbeStatus.OK : status;
    }

    public Finding accept(String reason) {
        return new Finding(rule, status, title, evidence, fix, reason);
    }
}
