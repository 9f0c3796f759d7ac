package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The spec transformations of swarm deploys, on the engine's own JSON (every field the engine gave is sent
 * back, changed only where said): the image, the update and rollback policy that makes a deploy safe
 * (one task at a time, the new one started first and healthy before the old one stops, Swarm's own
 * rollback on a failure, a monitor period after each task), and the forced update of a restart.
 */
public final class SwarmSpecs {
    /** Swarm's FailureAction that rolls the service back to its previous spec by itself. */
    static final String ROLLBACK = "rollback";
    static final String START_FIRST = "start-first";

    private SwarmSpecs() {
    }

    /** The image the spec runs, without the digest Swarm may have pinned ({@code repo:tag@sha256:...}). */
    public static String image(JsonNode spec) {
        String image = spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
        int at = image.indexOf('@');
        return at > 0 ? image.substring(0, at) : image;
    }

    /** {@code repo:tag} with another tag (a registry's port is no tag). */
    public static String withTag(String image, String tag) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String repository = colon > slash ? image.substring(0, colon) : image;
        return repository + ":" + tag;
    }

    /** The tag of {@code repo:tag}, else the whole reference. */
    public static String tag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : image;
    }

    /** Desired replicas of a replicated service; -1 for a global one (one task per node). */
    public static int replicas(JsonNode spec) {
        JsonNode r = spec.path("Mode").path("Replicated");
        return r.isMissingNode() ? -1 : r.path("Replicas").asInt(1);
    }

    public static long forceUpdate(JsonNode spec) {
        return spec.path("TaskTemplate").path("ForceUpdate").asLong(0);
    }

    /** The spec with {@code image} and the safe update policy. */
    public static ObjectNode forDeploy(JsonNode spec, String image, Duration monitor) {
        ObjectNode s = spec.deepCopy();
        ObjectNode container = object(object(s, "TaskTemplate"), "ContainerSpec");
        container.put("Image", image);
        return withPolicy(s, monitor);
    }

    /** The spec with the safe update policy and ForceUpdate one up: every task is replaced, rolling, same image. */
    public static ObjectNode forRestart(JsonNode spec, Duration monitor) {
        ObjectNode s = spec.deepCopy();
        ObjectNode template = object(s, "TaskTemplate");
        template.put("ForceUpdate", forceUpdate(spec) + 1);
        return withPolicy(s, monitor);
    }

    /**
     * Parallelism 1, start-first, FailureAction rollback, {@code monitor} after each task, no failure allowed;
     * the rollback likewise one task at a time, start-first (a rollback that fails too pauses: it is not retried
     * in a loop). The delay between tasks is kept as the service has it.
     */
    public static ObjectNode withPolicy(ObjectNode spec, Duration monitor) {
        ObjectNode update = object(spec, "UpdateConfig");
        update.put("Parallelism", 1);
        update.put("FailureAction", ROLLBACK);
        update.put("Monitor", monitor.toNanos());
        update.put("MaxFailureRatio", 0);
        update.put("Order", START_FIRST);
        ObjectNode rollback = object(spec, "RollbackConfig");
        rollback.put("Parallelism", 1);
        rollback.put("FailureAction", "pause");
        rollback.put("Monitor", monitor.toNanos());
        rollback.put("MaxFailureRatio", 0);
        rollback.put("Order", START_FIRST);
        return spec;
    }

    /**
     * Whether the tasks have a health check Swarm waits for (the spec's own, else the image's): without one a
     * task counts as running as soon as its process starts, and nothing gates the update.
     */
    public static boolean hasHealthcheck(JsonNode spec, JsonNode imageInspect) {
        JsonNode own = spec.path("TaskTemplate").path("ContainerSpec").path("Healthcheck").path("Test");
        if (own.isArray() && own.size() > 0) {
            return !"NONE".equals(own.get(0).asText());
        }
        JsonNode image = imageInspect == null ? null : imageInspect.path("Config").path("Healthcheck").path("Test");
        return image != null && image.isArray() && image.size() > 0 && !"NONE".equals(image.get(0).asText());
    }

    /** The health command for display: the spec's, else the image's; "" when none. */
    public static String healthcheck(JsonNode spec, JsonNode imageInspect) {
        JsonNode own = spec.path("TaskTemplate").path("ContainerSpec").path("Healthcheck").path("Test");
        JsonNode test = own.isArray() && own.size() > 0 ? own
                : imageInspect == null ? null : imageInspect.path("Config").path("Healthcheck").path("Test");
        if (test == null || !test.isArray() || test.size() == 0 || "NONE".equals(test.get(0).asText())) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < test.size(); i++) {
            b.append(i > 1 ? " " : "").append(test.get(i).asText());
        }
        return b.toString();
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }
}
