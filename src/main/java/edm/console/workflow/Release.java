package edm.console.workflow;

import java.time.Instant;

/**
 * One entry of the release history: what ran on a service from when, who put it there and how it ended.
 *
 * @param kind   deploy or rollback
 * @param result ok, rolled-back, failed, unknown
 */
public record Release(String id, String kind, String service, String tag, String image, String imageId, String container,
                      String user, Instant time, String result, long durationMillis, String backup, String message) {
    public static final String OK = "ok";
    public static final String ROLLED_BACK = "rolled-back";
    public static final String FAILED = "failed";
    /** The console could not tell how it ended (a swarm update it could not follow to its end). */
    public static final String UNKNOWN = "unknown";

    public boolean good() {
        return OK.equals(result);
    }
}
