package edm.console.logs;

import java.time.Duration;
import java.util.Collection;

/**
 * What a followed source (or a whole session) can truthfully say about itself: whether its stream is
 * connected, how far behind its newest shown line is, and what it skipped to catch up, counted lines
 * and, where it reconnected at the end of the log, the span of log time it never read.
 */
public record FollowStatus(Link link, Duration lag, long skippedLines, Duration skippedSpan) {
    /** The stream's state, worst last: a session shows the worst of its sources. */
    public enum Link { CONNECTED, WAITING, CONNECTING, RECONNECTING }

    /** A source with nothing to report (files: read as they grow, no engine in between). */
    public static final FollowStatus UP_TO_DATE = new FollowStatus(Link.CONNECTED, Duration.ZERO, 0, Duration.ZERO);

    /** Connected and no more than {@link CatchUp#BEHIND_NANOS} behind: only then is the view "following". */
    public boolean following() {
        return link == Link.CONNECTED && lag.toNanos() < CatchUp.BEHIND_NANOS;
    }

    public boolean skippedAny() {
        return skippedLines > 0 || !skippedSpan.isZero();
    }

    /** Sources together: the worst link, the largest lag, the sums of what was skipped, plus {@code extraSkipped}. */
    public static FollowStatus combine(Collection<FollowStatus> all, long extraSkipped) {
        Link link = Link.CONNECTED;
        Duration lag = Duration.ZERO;
        long lines = extraSkipped;
        Duration span = Duration.ZERO;
        for (FollowStatus s : all) {
            if (s.link.ordinal() > link.ordinal()) {
                link = s.link;
            }
            if (s.lag.compareTo(lag) > 0) {
                lag = s.lag;
            }
            lines += s.skippedLines;
            span = span.plus(s.skippedSpan);
        }
        return new FollowStatus(link, lag, lines, span);
    }
}
