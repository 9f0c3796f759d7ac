package edm.console.ui;

import java.util.Objects;

/**
 * What a batch of events needs redrawn: the clock only, data (coalesced), something the operator is
 * waiting for (a key, an action's result: drawn at once), or everything (a resize). Ordered by urgency.
 */
enum Batch {
    TICKS_ONLY, DATA, CHANGED, RESIZED;

    /** The more urgent of the two. */
    Batch with(Batch other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** What {@code e} needs redrawn, judged against the state before it is applied. */
    static Batch of(UiEvent e, UiState s) {
        if (e instanceof UiEvent.Tick) {
            return TICKS_ONLY;
        }
        if (e instanceof UiEvent.BannerLoaded b && Objects.equals(b.unfinished(), s.unfinished)
                && Objects.equals(b.unattended(), s.unattended)) {
            // The banner's files are re-read every few seconds and nearly always say what is shown already:
            // a full frame for each re-read was most of an idle console's frames after the data ones.
            return TICKS_ONLY;
        }
        if (e instanceof UiEvent.Resized) {
            return RESIZED;
        }
        if (e instanceof UiEvent.Containers || e instanceof UiEvent.Host || e instanceof UiEvent.Hosts || e instanceof UiEvent.Health
                || e instanceof UiEvent.LogsChanged || e instanceof UiEvent.Backups || e instanceof UiEvent.BackupProgress
                || e instanceof UiEvent.GuidedLine || e instanceof UiEvent.Security || e instanceof UiEvent.SecurityChecking) {
            return DATA;
        }
        return CHANGED;
    }
}
