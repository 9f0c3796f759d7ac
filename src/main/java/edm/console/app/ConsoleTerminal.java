package edm.console.app;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import edm.console.ui.render.AnsiOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * Lanterna's {@link UnixTerminal} (Ctrl-C trapped as a key), set up with two runs of stty instead of five.
 *
 * <p>Taking the terminal, Lanterna runs {@code stty -g} (to restore it at the end), then {@code -icanon},
 * {@code min 1}, {@code -echo} and {@code intr undef} one process each: each a fork of the JVM's spawn
 * helper and an exec, together about a tenth of the way to the first frame. Here the four mode changes
 * Lanterna asks for while it takes the terminal are collected and given to one stty, in Lanterna's
 * order, when it goes on to register its resize handler (its next step; at the latest when its
 * constructor returns); from then on every change (restoring the terminal at the end included) goes
 * to stty as Lanterna makes it. The resize handler is
 * registered directly with the JDK's signal API rather than through Lanterna's reflective proxy.
 */
class ConsoleTerminal extends UnixTerminal implements AnsiOutput {
    private static final String STTY = "/bin/stty";

    /**
     * stty arguments collected while Lanterna takes the terminal; null once they have run. Set in the
     * first call, not by an initialiser: Lanterna calls these methods from its constructor, before this
     * class's fields would be initialised (and an initialiser would then reset them).
     */
    private List<String> pending;
    private boolean acquired;

    ConsoleTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        // Lanterna has taken the terminal in its constructor; its modes have run unless it skipped the resize handler.
        runPending();
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (collect(enabled ? "icanon" : "-icanon")) {
            if (!enabled) {
                pending.add("min");
                pending.add("1");
            }
            return;
        }
        super.canonicalMode(enabled);
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (!collect(enabled ? "echo" : "-echo")) {
            super.keyEchoEnabled(enabled);
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (!collect("intr", enabled ? "^C" : "undef")) {
            super.keyStrokeSignalsEnabled(enabled);
        }
    }

    /** A frame from the painter, as one write into the terminal's (buffered) output. */
    @Override
    public void writeAnsi(String text) throws IOException {
        writeToTerminal(text.getBytes(getCharset()));
    }

    /** Lanterna's step after the modes: the collected modes run first, in one stty. */
    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        runPending();
        try {
            Signal.handle(new Signal("WINCH"), s -> onResize.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No SIGWINCH here: Lanterna's own way would not have had one either; the size is polled on redraw.
        }
    }

    /** Adds stty arguments while the terminal is being taken; false afterwards (then the caller runs stty now). */
    private boolean collect(String... args) {
        if (acquired) {
            return false;
        }
        if (pending == null) {
            pending = new ArrayList<>();
        }
        pending.addAll(List.of(args));
        return true;
    }

    private void runPending() throws IOException {
        if (acquired) {
            return;
        }
        List<String> args = pending;
        acquired = true;
        pending = null;
        if (args != null && !args.isEmpty()) {
            List<String> cmd = new ArrayList<>();
            cmd.add(STTY);
            cmd.addAll(args);
            exec(cmd.toArray(String[]::new));
        }
    }
}
