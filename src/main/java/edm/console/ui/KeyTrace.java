package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.ui.render.FrameTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Key press to frame latency for {@link FrameTrace}: when each key arrived on the input thread, which keys the
 * UI thread handled since the last frame, and, once that frame is flushed, one trace line per key and one for
 * the frame. Does nothing while the trace is off.
 */
final class KeyTrace {
    private record Arrival(UiEvent.Key key, long nanos) {
    }

    private volatile FrameTrace trace;
    /** Keys read on the input thread, with when they arrived. */
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    /** Keys handled since the last frame (UI thread). */
    private final List<Arrival> keysToShow = new ArrayList<>();

    KeyTrace(FrameTrace trace) {
        this.trace = trace;
    }

    void use(FrameTrace t) {
        this.trace = t;
    }

    /** Input thread: a key was read. */
    void arrived(UiEvent.Key key) {
        if (trace.on()) {
            arrivals.add(new Arrival(key, System.nanoTime()));
        }
    }

    /** UI thread: a key was handled (keys posted otherwise, as in tests, have no arrival). */
    void handled(UiEvent.Key k) {
        if (!trace.on()) {
            return;
        }
        for (Arrival a; (a = arrivals.peek()) != null; ) {
            arrivals.poll();
            if (a.key() == k) {
                keysToShow.add(a);
                return;
            }
        }
    }

    /** Whether the coming frame shows a key (its reason in the trace). */
    boolean keysWaiting() {
        return !keysToShow.isEmpty();
    }

    /** A frame begun at {@code start} is flushed: its line, and one per key it shows. */
    void frameShown(String reason, long start) {
        if (!trace.on()) {
            return;
        }
        long end = System.nanoTime();
        for (Arrival a : keysToShow) {
            trace.key(label(a.key().key()), end - a.nanos());
        }
        keysToShow.clear();
        trace.frame(reason, end - start);
    }

    /** A key as the trace names it: the character typed, or Lanterna's key type (Ctrl-/Alt- prefixed). */
    static String label(KeyStroke k) {
        String base = k.getKeyType() == KeyType.Character
                ? (Character.isWhitespace(k.getCharacter()) ? "Space" : String.valueOf(k.getCharacter()))
                : k.getKeyType().name();
        return (k.isCtrlDown() ? "Ctrl-" : "") + (k.isAltDown() ? "Alt-" : "") + base;
    }
}
