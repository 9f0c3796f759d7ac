package edm.console.ui.guided;

import java.time.Instant;

/**
 * One local tag of a service's image, as the deploy's tag picker lists it.
 *
 * @param created      the image's creation time (null when the engine did not say)
 * @param running      the service's container runs this image now
 * @param previousGood the release a rollback would go back to (the newest good one before the running one)
 * @param failed       the last deploy of this tag failed or was rolled back (and none went well since)
 */
public record TagChoice(String tag, String imageId, Instant created, boolean running, boolean previousGood, boolean failed) {
}
