package edm.console.workflow;

import edm.console.backup.AuditLog;
import java.time.Duration;
import java.time.Instant;

/** Audit lines of the workflows, through the backup package's audit writer (one audit.log for the console). */
public final class WorkflowAudit {
    private WorkflowAudit() {
    }

    static void record(WorkflowContext ctx, String action, DeployPlan plan, Release r, Duration took) {
        String detail = plan.oldImage() + " (" + DeployPlan.shortId(plan.oldImageId()) + ") -> " + plan.image() + " ("
                + DeployPlan.shortId(r.imageId()) + ")" + (plan.skipBackup() && "deploy".equals(plan.kind()) ? ", backup skipped" : "");
        write(ctx, action, plan.service(), detail, r.result(), r.message(), took);
    }

    public static void write(WorkflowContext ctx, String action, String target, String detail, String result, String message,
                             Duration took) {
        try {
            AuditLog.append(ctx.projectDir(), new AuditLog.Entry(Instant.now(), ctx.operator().user(), ctx.operator().ssh(), action,
                    target, detail, result, message, took.toMillis()));
        } catch (RuntimeException e) {
            throw new WorkflowException(WorkflowText.t("workflow.audit.failed", e.getMessage()));
        }
    }
}
