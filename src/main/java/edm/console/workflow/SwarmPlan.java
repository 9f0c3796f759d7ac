package edm.console.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a swarm service deploy, rollback or restart will do, fixed in pre-flight and shown before confirmation;
 * journaled whole, so that a console started after a cut can follow what Swarm did meanwhile.
 *
 * @param kind              deploy, rollback or restart
 * @param service           the name the operator gave (the config's service name)
 * @param swarmName         the swarm service's own name (edm_backend under a stack)
 * @param image             what the tasks run afterwards (for a rollback to the previous spec: that spec's image)
 * @param mode              {@link #IMAGE} (a new spec with another image), {@link #PREVIOUS} (Swarm's own rollback to
 *                          PreviousSpec) or {@link #FORCE} (same spec, ForceUpdate one up)
 * @param previousStarted   the UpdateStatus.StartedAt before this run ("" for none): a status with another start is this run's
 * @param targetForce       the ForceUpdate the new tasks carry
 * @param replicas          desired replicas (-1: global service)
 * @param healthcheck       the command that gates each task, "" for none
 * @param oldTasks          the tasks that ran before: the new spec's tasks are others (a restart keeps the image)
 */
public record SwarmPlan(String kind, String service, String swarmName, String serviceId, String tag, String image, String imageId,
                        String oldImage, long oldVersion, String mode, String previousStarted, long targetForce, int replicas,
                        String healthcheck, Duration monitor, boolean skipBackup, List<String> steps, String runId,
                        List<String> oldTasks) {
    public static final String PATH = "swarm";
    public static final String IMAGE = "image";
    public static final String PREVIOUS = "previous";
    public static final String FORCE = "force";

    /** Swarm's UpdateStatus.State that ends this run well: a rollback to the previous spec ends as rollback_completed. */
    String doneState() {
        return PREVIOUS.equals(mode) ? "rollback_completed" : "completed";
    }

    public Map<String, String> journalData() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", PATH);
        m.put("kind", kind);
        m.put("service", service);
        m.put("swarmName", swarmName);
        m.put("serviceId", serviceId);
        m.put("tag", tag);
        m.put("image", image);
        m.put("imageId", imageId == null ? "" : imageId);
        m.put("oldImage", oldImage);
        m.put("oldVersion", Long.toString(oldVersion));
        m.put("mode", mode);
        m.put("previousStarted", previousStarted);
        m.put("targetForce", Long.toString(targetForce));
        m.put("replicas", Integer.toString(replicas));
        m.put("healthcheck", healthcheck);
        m.put("monitorMillis", Long.toString(monitor.toMillis()));
        m.put("skipBackup", Boolean.toString(skipBackup));
        m.put("steps", String.join(",", steps));
        m.put("runId", runId);
        m.put("oldTasks", String.join(",", oldTasks));
        return m;
    }

    /** The plan's mode in words (only the forced update names a number: the other texts are not formats). */
    public static String modeText(SwarmPlan p) {
        String key = "workflow.swarm.plan.mode." + p.mode();
        return FORCE.equals(p.mode()) ? WorkflowText.t(key, p.targetForce()) : WorkflowText.t(key);
    }

    /** Whether an unfinished journal is a swarm run's. */
    public static boolean journaled(Map<String, String> data) {
        return PATH.equals(data.get("path")) && data.containsKey("serviceId");
    }

    public static SwarmPlan fromJournal(Map<String, String> m) {
        String imageId = m.getOrDefault("imageId", "");
        return new SwarmPlan(m.get("kind"), m.get("service"), m.get("swarmName"), m.get("serviceId"), m.get("tag"), m.get("image"),
                imageId.isEmpty() ? null : imageId, m.get("oldImage"), Long.parseLong(m.getOrDefault("oldVersion", "0")), m.get("mode"),
                m.getOrDefault("previousStarted", ""), Long.parseLong(m.getOrDefault("targetForce", "0")),
                Integer.parseInt(m.getOrDefault("replicas", "1")), m.getOrDefault("healthcheck", ""),
                Duration.ofMillis(Long.parseLong(m.getOrDefault("monitorMillis", "5000"))), Boolean.parseBoolean(m.get("skipBackup")),
                List.of(m.getOrDefault("steps", "").split(",")), m.getOrDefault("runId", "swarm"),
                m.getOrDefault("oldTasks", "").isEmpty() ? List.of() : List.of(m.get("oldTasks").split(",")));
    }
}
