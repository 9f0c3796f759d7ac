package edm.console.app;

import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGHUP (the SSH session or tmux went away) and SIGTERM (system shutdown, kill) reach the console as a
 * call instead of the JVM's default, which runs the shutdown hooks and exits at once, cutting a deploy in
 * the middle. The handler stays installed: a second signal is one more call, never an exit. SIGKILL cannot
 * be handled; the journal is the net for that.
 */
final class TerminalSignals {
    static final List<String> HANDLED = List.of("HUP", "TERM");

    private TerminalSignals() {
    }

    /** Calls onSignal with "HUP" or "TERM" on the signal's own thread; false when the JVM does not allow it (-Xrs). */
    static boolean install(Consumer<String> onSignal) {
        boolean all = true;
        for (String name : HANDLED) {
            try {
                Signal.handle(new Signal(name), s -> onSignal.accept(s.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                all = false; // the default stays; the shutdown hook still waits for the running work
            }
        }
        return all;
    }

    /** The shell's convention for "ended by signal N": 128 + N. */
    static int exitCode(String signal) {
        return switch (signal) {
            case "HUP" -> 129;
            case "TERM" -> 143;
            default -> 0;
        };
    }
}
