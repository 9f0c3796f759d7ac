package edm.console.core;

import java.time.Instant;

/**
 * One alert: a rule breached for one subject (a URL, a container, a filesystem). message names the
 * measured value. since: when the condition started to hold; firedAt/resolvedAt when it changed state.
 * acknowledged alerts stay listed but are no longer counted as needing attention; a snoozed one is
 * neither counted nor notified until snoozedUntil. host names the engine the alert is about when the console
 * watches several ("" with one engine): alerts of different engines about the same container are different alerts.
 */
public record Alert(String ruleId, String subject, Severity severity, AlertState state, String message,
                    Instant since, Instant firedAt, Instant resolvedAt, String acknowledgedBy, String ackNote,
                    Instant snoozedUntil, String host) {
    public Alert {
        host = host == null ? "" : host;
    }

    /** Not tagged with an engine (a console with one engine, the CLI's check). */
    public Alert(String ruleId, String subject, Severity severity, AlertState state, String message,
                 Instant since, Instant firedAt, Instant resolvedAt, String acknowledgedBy, String ackNote,
                 Instant snoozedUntil) {
        this(ruleId, subject, severity, state, message, since, firedAt, resolvedAt, acknowledgedBy, ackNote, snoozedUntil, "");
    }

    public String key() {
        return keyOf(host, ruleId, subject);
    }

    /** The key of the alert of this rule about this subject on this engine. */
    public static String keyOf(String host, String ruleId, String subject) {
        return (host == null || host.isEmpty() ? "" : host + "|") + ruleId + "|" + subject;
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    public boolean snoozed(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }

    /** Firing, not acknowledged, not snoozed: what the status bar counts. */
    public boolean needsAttention(Instant now) {
        return state == AlertState.FIRING && !acknowledged() && !snoozed(now);
    }

    public Alert with(AlertState s, String msg, Instant fired, Instant resolved) {
        return new Alert(ruleId, subject, severity, s, msg, since, fired, resolved, acknowledgedBy, ackNote, snoozedUntil, host);
    }

    public Alert acknowledge(String by, String note) {
        return new Alert(ruleId, subject, severity, state, message, since, firedAt, resolvedAt, by, note, snoozedUntil, host);
    }

    public Alert snooze(Instant until) {
        return new Alert(ruleId, subject, severity, state, message, since, firedAt, resolvedAt, acknowledgedBy, ackNote, until, host);
    }
}
