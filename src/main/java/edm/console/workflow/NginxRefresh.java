package edm.console.workflow;

import java.util.List;

/**
 * After a stop-and-replace of a service nginx routes to: nginx resolves an upstream's server name once, when
 * it loads its configuration, so it would keep sending to the address of the stopped container (the new one
 * was created while the old still held its address). A tested reload makes it resolve the new one, as the
 * hand-run sequence (docker stop, docker run, nginx -s reload) does.
 */
final class NginxRefresh {
    private NginxRefresh() {
    }

    /** Reloads nginx when {@code service} has an upstream include; a failing nginx -t is said, not fatal. */
    static void afterReplace(WorkflowContext ctx, String service, WorkflowProgress progress) {
        ProxySwitch proxy = ctx.proxy();
        if (proxy == null || proxy.read(service).isEmpty()) {
            return;
        }
        try {
            List<String> problems = proxy.test();
            if (!problems.isEmpty()) {
                progress.output(WorkflowText.t("workflow.refresh.testFailed", proxy.file(service), String.join("; ", problems)));
                return;
            }
            proxy.reload();
            progress.output(WorkflowText.t("workflow.refresh.done", service));
        } catch (RuntimeException e) {
            // The container is replaced either way; the health gate through nginx tells whether traffic follows.
            progress.output(WorkflowText.t("workflow.refresh.failed", e.getMessage()));
        }
    }
}
