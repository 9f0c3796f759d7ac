package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a service during its update: Swarm's UpdateStatus and the tasks, and what they mean for
 * the plan (is this run's update the one shown, did it end, how, and does every task of the new spec run).
 */
public record SwarmState(String updateState, String message, String startedAt, long version, List<Task> tasks) {
    /**
     * One task. {@code state} running means healthy when the task has a health check: Swarm keeps a task in
     * starting until its container's health check passes, and fails it when the check fails.
     */
    public record Task(String id, int slot, String node, String state, String desired, String image, long forceUpdate, String error,
                       String message) {
        boolean runsHealthy() {
            return "running".equals(state) && "running".equals(desired);
        }

        public String shortId() {
            return id.length() > 12 ? id.substring(0, 12) : id;
        }
    }

    public static SwarmState of(JsonNode service, List<JsonNode> tasks) {
        JsonNode u = service.path("UpdateStatus");
        List<Task> out = new ArrayList<>();
        for (JsonNode t : tasks) {
            JsonNode spec = t.path("Spec");
            String image = spec.path("ContainerSpec").path("Image").asText("");
            int at = image.indexOf('@');
            out.add(new Task(t.path("ID").asText(""), t.path("Slot").asInt(0), t.path("NodeID").asText(""),
                    t.path("Status").path("State").asText(""), t.path("DesiredState").asText(""), at > 0 ? image.substring(0, at) : image,
                    spec.path("ForceUpdate").asLong(0), t.path("Status").path("Err").asText(""), t.path("Status").path("Message").asText("")));
        }
        return new SwarmState(u.path("State").asText(""), u.path("Message").asText(""), u.path("StartedAt").asText(""),
                service.path("Version").path("Index").asLong(0), List.copyOf(out));
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

    /** Tasks of the given spec (image and ForceUpdate) that Swarm wants running. */
    List<Task> desired(String image, long forceUpdate) {
        return tasks.stream().filter(t -> "running".equals(t.desired()) && t.image().equals(image) && t.forceUpdate() == forceUpdate).toList();
    }

    /**
     * Every task Swarm wants running is of that spec and runs healthy, and there are {@code replicas} of them
     * (a global service: at least one). Empty when so, else what is missing.
     */
    String notConverged(String image, long forceUpdate, int replicas) {
        List<Task> wanted = tasks.stream().filter(t -> "running".equals(t.desired())).toList();
        List<Task> ours = desired(image, forceUpdate);
        long healthy = ours.stream().filter(Task::runsHealthy).count();
        if (wanted.size() != ours.size()) {
            return WorkflowText.t("workflow.swarm.otherTasks", wanted.size() - ours.size(), image);
        }
        if (replicas >= 0 ? healthy != replicas : healthy == 0) {
            return WorkflowText.t("workflow.swarm.notHealthy", healthy, replicas < 0 ? "≥1" : Integer.toString(replicas), image);
        }
        return "";
    }

    /** The newest failed task's error (the reason Swarm gives for a rollback), "" when none failed. */
    String failure(String image) {
        return tasks.stream().filter(t -> t.image().equals(image) && ("failed".equals(t.state()) || "rejected".equals(t.state())))
                .map(t -> t.shortId() + ": " + (t.error().isEmpty() ? t.message() : t.error())).reduce((a, b) -> b).orElse("");
    }
}
