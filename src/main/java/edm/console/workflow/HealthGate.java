package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a container is healthy: running, its own health check (if it has one) says healthy, and the
 * service's health URL (if any) answers well, all within the timeout. Fails early when the container exits
 * or its health check says unhealthy, with the output that shows why.
 */
final class HealthGate {
    private static final long POLL_MILLIS = 500;

    private final WorkflowEngine engine;
    private final WorkflowContext.UrlCheck urls;
    private final Duration timeout;

    HealthGate(WorkflowEngine engine, WorkflowContext.UrlCheck urls, Duration timeout) {
        this.engine = engine;
        this.urls = urls;
        this.timeout = timeout;
    }

    void await(String id, String healthUrl, WorkflowProgress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "";
        int steadyPolls = 0;
        int attempt = 0;
        while (true) {
            attempt++;
            Optional<DeployOps.State> s = engine.state(id);
            if (s.isEmpty()) {
                throw new WorkflowException(WorkflowText.t("workflow.health.vanished", id));
            }
            DeployOps.State st = s.get();
            if (!st.running()) {
                throw new WorkflowException(WorkflowText.t("workflow.health.exited", st.name(), st.exitCode()), evidence(st));
            }
            boolean ok = true;
            if (st.hasHealthcheck()) {
                if ("unhealthy".equals(st.health())) {
                    throw new WorkflowException(WorkflowText.t("workflow.health.unhealthy", st.name()), evidence(st));
                }
                if (!"healthy".equals(st.health())) {
                    Optional<String> now = "starting".equals(st.health()) ? checkNow(st) : Optional.of("");
                    if (now.isPresent()) {
                        ok = false;
                        lastProblem = now.get().isEmpty() ? WorkflowText.t("workflow.health.waiting", st.name(), st.health()) : now.get();
                    }
                }
            } else if (++steadyPolls < 2) {
                ok = false;
            }
            if (ok && healthUrl != null && !healthUrl.isBlank()) {
                Optional<String> p = urls.problem(healthUrl);
                if (p.isPresent()) {
                    ok = false;
                    lastProblem = healthUrl + ": " + p.get();
                }
            }
            progress.gate(st.name(), attempt, ok ? "" : lastProblem);
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> out = new ArrayList<>();
                out.add(lastProblem);
                out.addAll(evidence(st));
                throw new WorkflowException(WorkflowText.t("workflow.health.timeout", st.name(), timeout.toSeconds(), lastProblem), out);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
            }
        }
    }

    /**
     * While the engine has not judged yet ("starting": its first run comes one interval after the start, 30 s by
     * default), the container's own health check is run now: empty when it passed, else why not (an empty reason
     * when it cannot be run, and the gate waits for the engine). The engine's "unhealthy" still fails the gate.
     */
    private Optional<String> checkNow(DeployOps.State st) {
        Optional<WorkflowEngine.CheckRun> run;
        try {
            run = engine.runHealthcheck(st.id());
        } catch (WorkflowException e) {
            return Optional.of(e.getMessage());
        }
        if (run.isEmpty()) {
            return Optional.of("");
        }
        if (run.get().exitCode() == 0) {
            return Optional.empty();
        }
        return Optional.of(WorkflowText.t("workflow.health.checkNow", st.name(), run.get().exitCode(),
                String.join("; ", run.get().output())));
    }

    private List<String> evidence(DeployOps.State st) {
        List<String> out = new ArrayList<>();
        st.healthOutput().forEach(l -> out.add(WorkflowText.t("workflow.output.healthcheck", l)));
        engine.logTail(st.id(), 20).forEach(l -> out.add(WorkflowText.t("workflow.output.log", l)));
        return out;
    }
}
