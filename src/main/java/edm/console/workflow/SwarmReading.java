package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.swarm.SwarmTask;
import java.util.List;
import java.util.Set;

/**
 * One reading of a service during its update: Swarm's UpdateStatus and the tasks (the swarm read model's), and
 * what they mean for the plan: is the status shown this run's, how did it end, does every task of the new spec
 * run. A task's state running means healthy when it has a health check: Swarm keeps it in starting until the
 * container's check passes, and fails it when the check fails.
 */
public record SwarmReading(String updateState, String message, String startedAt, long version, List<SwarmTask> tasks) {
    public SwarmReading {
        tasks = List.copyOf(tasks);
    }

    public static SwarmReading of(JsonNode service, List<SwarmTask> tasks) {
        JsonNode u = service.path("UpdateStatus");
        return new SwarmReading(u.path("State").asText(""), u.path("Message").asText(""), u.path("StartedAt").asText(""),
                service.path("Version").path("Index").asLong(0), tasks);
    }

    /** A task's image without the digest Swarm pins ({@code repo:tag@sha256:...}). */
    static String image(SwarmTask t) {
        int at = t.image().indexOf('@');
        return at > 0 ? t.image().substring(0, at) : t.image();
    }

    static String shortId(SwarmTask t) {
        return t.id().length() > 12 ? t.id().substring(0, 12) : t.id();
    }

    /** The tasks Swarm wants running. */
    public List<SwarmTask> wanted() {
        return tasks.stream().filter(t -> "running".equals(t.desiredState())).toList();
    }

    /** Whether the UpdateStatus shown is this run's (not the one of the update before it). */
    boolean isThisRun(SwarmPlan plan) {
        return !updateState.isEmpty() && !startedAt.equals(plan.previousStarted());
    }

    boolean rollingBack() {
        return updateState.startsWith("rollback_");
    }

    boolean paused() {
        return updateState.endsWith("paused");
    }

    /**
     * Every task Swarm wants running is of {@code image}, none of them one of {@code before} (the tasks that ran
     * before the run: a restart or redeploy replaces them with the same image), each runs healthy, and there are
     * {@code replicas} (a global service: at least one). Empty when so, else what is missing.
     */
    String notConverged(String image, Set<String> before, int replicas) {
        List<SwarmTask> wanted = wanted();
        List<SwarmTask> ours = wanted.stream().filter(t -> image(t).equals(image) && !before.contains(t.id())).toList();
        long healthy = ours.stream().filter(SwarmTask::running).count();
        if (wanted.size() != ours.size()) {
            return WorkflowText.t("workflow.swarm.otherTasks", wanted.size() - ours.size(), image);
        }
        if (replicas >= 0 ? healthy != replicas : healthy == 0) {
            return WorkflowText.t("workflow.swarm.notHealthy", healthy, replicas < 0 ? "≥1" : Integer.toString(replicas), image);
        }
        return "";
    }

    /** A failed task's error (the reason Swarm gives for a rollback), "" when none failed. */
    String failure(String image) {
        return tasks.stream().filter(t -> image(t).equals(image) && ("failed".equals(t.state()) || "rejected".equals(t.state())))
                .map(t -> shortId(t) + ": " + (t.error().isEmpty() ? t.message() : t.error())).reduce((a, b) -> b).orElse("");
    }
}
