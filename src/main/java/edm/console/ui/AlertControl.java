package edm.console.ui;

import edm.console.core.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the UI may ask of the alerting side: acknowledge and snooze alerts, read and export the
 * incident timeline. Calls are quick (no network) and may run on the UI thread.
 */
public interface AlertControl {
    boolean acknowledge(String alertKey, String note);

    boolean snooze(String alertKey, Duration forHowLong);

    List<TimelineEntry> timeline();

    /** Writes the timeline (as shown, filtered) to Markdown and JSON files; returns the Markdown file. */
    Path exportTimeline(List<TimelineEntry> shown) throws java.io.IOException;

    /** For a console without alerting (tests of other parts). */
    AlertControl NONE = new AlertControl() {
        @Override
        public boolean acknowledge(String alertKey, String note) {
            return false;
        }

        @Override
        public boolean snooze(String alertKey, Duration forHowLong) {
            return false;
        }

        @Override
        public List<TimelineEntry> timeline() {
            return List.of();
        }

        @Override
        public Path exportTimeline(List<TimelineEntry> shown) {
            throw new IllegalStateException("no timeline");
        }
    };
}
