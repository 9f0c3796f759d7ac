package edm.console.ui.guided;

import java.time.Instant;

/**
 * One known-good release of a service, as B's release picker lists it (from the release history).
 *
 * @param id      the release's id in the history (what a rollback is planned to)
 * @param kind    deploy or rollback: how the release came to run
 * @param current the service runs this release's image now (nothing to roll back to)
 */
public record ReleaseChoice(String id, String kind, String tag, String imageId, Instant time, String user, String result,
                            boolean current) {
}
