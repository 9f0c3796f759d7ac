package edm.console.logs;

/**
 * One line of {@code GET /services/{id}/logs?timestamps=1&details=1}: {@code <time> <details> <text>}, where the
 * details are {@code key=value} pairs joined by commas (the swarm's {@code com.docker.swarm.node.id},
 * {@code .service.id}, {@code .task.id}, and any the log driver adds), values query-escaped. Splits off the
 * details and keeps the time in front, so the line reads like a container's timestamped one.
 */
public final class ServiceLogLines {
    static final String TASK_ID = "com.docker.swarm.task.id=";

    private ServiceLogLines() {
    }

    /** A line's task id (empty when the line names none) and the line without its details. */
    public record Split(String taskId, String line) {
    }

    public static Split split(String raw) {
        int afterTime = raw.indexOf(' ');
        if (afterTime < 0) {
            return new Split("", raw);
        }
        int detailsEnd = raw.indexOf(' ', afterTime + 1);
        String details = detailsEnd < 0 ? raw.substring(afterTime + 1) : raw.substring(afterTime + 1, detailsEnd);
        if (!details.contains("=")) {
            return new Split("", raw); // no details: the text follows the time
        }
        String taskId = "";
        for (String pair : details.split(",")) {
            if (pair.startsWith(TASK_ID)) {
                taskId = pair.substring(TASK_ID.length());
            }
        }
        String text = detailsEnd < 0 ? "" : raw.substring(detailsEnd + 1);
        return new Split(taskId, raw.substring(0, afterTime + 1) + text);
    }
}
