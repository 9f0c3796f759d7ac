package edm.console.core;

/** How urgent an alert is. */
public enum Severity {
    WARNING, CRITICAL
}
