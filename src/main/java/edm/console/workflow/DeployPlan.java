package edm.console.workflow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deploy or rollback will do, fixed in pre-flight and shown before confirmation.
 *
 * @param image        what the new container runs: repository:tag, or an image id for a rollback
 * @param newImageId   null when the image is still to be built
 * @param reuseId      rollback: the kept previous container to bring back (instant), else null
 * @param reuseName    that container's kept name, to put it back on failure
 * @param buildContext null unless building
 * @param path         {@link #BLUE_GREEN} (new container beside the old one, traffic switched in nginx), {@link #REPLACE}
 *                     (stop the old one, start the new one on the same ports) or {@link #REPLACE_NO_UPSTREAM} (the same,
 *                     for a service that would go blue-green but has no upstream include)
 * @param upstreamPort blue-green: the service's port inside its container, the one its upstream names; else 0
 * @param drainSeconds blue-green: the longest wait after the switch for requests still on the old container
 */
public record DeployPlan(String kind, String service, String container, String tag, String image, String newImageId,
                         String oldId, String oldImage, String oldImageId, String tempName, String keptName, String reuseId,
                         String reuseName, Path buildContext, boolean skipBackup, String healthUrl, List<String> steps,
                         String path, int upstreamPort, int drainSeconds) {
    public static final String BLUE_GREEN = "blue-green";
    public static final String REPLACE = "replace";
    /** Stop and replace because the upstream include of a service managed by default does not exist. */
    public static final String REPLACE_NO_UPSTREAM = "replace-no-upstream";

    /** A stop-and-replace plan. */
    public DeployPlan(String kind, String service, String container, String tag, String image, String newImageId,
                      String oldId, String oldImage, String oldImageId, String tempName, String keptName, String reuseId,
                      String reuseName, Path buildContext, boolean skipBackup, String healthUrl, List<String> steps) {
        this(kind, service, container, tag, image, newImageId, oldId, oldImage, oldImageId, tempName, keptName, reuseId, reuseName,
                buildContext, skipBackup, healthUrl, steps, REPLACE, 0, 0);
    }

    public boolean blueGreen() {
        return BLUE_GREEN.equals(path);
    }

    /** The plan as journal data, so that a recovery can rebuild it. */
    public Map<String, String> journalData() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("service", service);
        m.put("container", container);
        m.put("tag", tag);
        m.put("image", image);
        put(m, "newImageId", newImageId);
        m.put("oldId", oldId);
        m.put("oldImage", oldImage);
        m.put("oldImageId", oldImageId);
        m.put("tempName", tempName);
        m.put("keptName", keptName);
        put(m, "reuseId", reuseId);
        put(m, "reuseName", reuseName);
        put(m, "buildContext", buildContext == null ? null : buildContext.toString());
        m.put("skipBackup", Boolean.toString(skipBackup));
        m.put("healthUrl", healthUrl);
        m.put("steps", String.join(",", steps));
        m.put("path", path);
        m.put("upstreamPort", Integer.toString(upstreamPort));
        m.put("drainSeconds", Integer.toString(drainSeconds));
        return m;
    }

    public static DeployPlan fromJournal(Map<String, String> m) {
        String ctx = m.get("buildContext");
        return new DeployPlan(m.get("kind"), m.get("service"), m.get("container"), m.get("tag"), m.get("image"), m.get("newImageId"),
                m.get("oldId"), m.get("oldImage"), m.get("oldImageId"), m.get("tempName"), m.get("keptName"), m.get("reuseId"),
                m.get("reuseName"), ctx == null ? null : Path.of(ctx), Boolean.parseBoolean(m.get("skipBackup")),
                m.getOrDefault("healthUrl", ""), List.of(m.getOrDefault("steps", "").split(",")), m.getOrDefault("path", REPLACE),
                Integer.parseInt(m.getOrDefault("upstreamPort", "0")), Integer.parseInt(m.getOrDefault("drainSeconds", "0")));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** The image id (short) or "(build)" for display. */
    public static String shortId(String id) {
        if (id == null) {
            return "(build)";
        }
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
