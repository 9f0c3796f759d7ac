package edm.console.workflow;

import edm.console.i18n.Messages;

/** Strings of the workflow area ({@code i18n/workflow.properties}). */
public final class WorkflowText {
    private WorkflowText() {
    }

    public static String t(String key, Object... args) {
        return Messages.t(key, args);
    }
}
