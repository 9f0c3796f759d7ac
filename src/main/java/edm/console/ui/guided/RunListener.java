package edm.console.ui.guided;

import java.time.Duration;

/** Live progress of a running deploy or rollback, called from the workflow's threads. */
public interface RunListener {
    enum Phase { BEGIN, END, FAILED, SKIPPED }

    void step(String step, Phase phase, Duration elapsed, String detail);

    /** One poll of the health gate: its number and, while not yet healthy, why. */
    void attempt(int attempt, String problem);

    /** A line of the new container's log (already sanitised by the sender, cleaned again before drawing). */
    void log(String line);

    /** A line of the workflow's own output (backup, build, failure evidence). */
    void output(String line);

    /** About once a second while it runs, so that elapsed times move on screen. */
    void tick();
}
