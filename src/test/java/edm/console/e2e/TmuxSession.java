package edm.console.e2e;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * A detached tmux session of a fixed size on a private tmux server (its own socket), driven with
 * send-keys and read with capture-pane. The pane runs an interactive bash with a known prompt, so
 * tests can launch the console like an operator and see the shell again afterwards.
 */
final class TmuxSession implements AutoCloseable {
    static final String PROMPT = "e2e$ ";
    private static final Duration POLL = Duration.ofMillis(100);

    private final String socket;
    private final String name;

    private TmuxSession(String socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    static boolean available() {
        return Command.run("tmux", "-V").ok();
    }

    static TmuxSession start(String socket, String name, int columns, int rows) {
        Command.run("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                "env PS1='" + PROMPT + "' TERM=screen bash --norc --noprofile").orThrow("tmux new-session");
        TmuxSession s = new TmuxSession(socket, name);
        s.waitFor("the shell prompt", screen -> screen.contains(PROMPT.trim()), Duration.ofSeconds(20));
        return s;
    }

    /** Types a line into the pane and presses Enter. */
    void typeLine(String line) {
        Command.run("tmux", "-L", socket, "send-keys", "-t", name, "-l", line).orThrow("tmux send-keys");
        keys("Enter");
    }

    /** Sends keys by tmux name ("q", "?", "Enter", "Escape"). */
    void keys(String... keys) {
        String[] argv = new String[5 + keys.length];
        argv[0] = "tmux";
        argv[1] = "-L";
        argv[2] = socket;
        argv[3] = "send-keys";
        argv[4] = "-t" + name;
        System.arraycopy(keys, 0, argv, 5, keys.length);
        Command.run(argv).orThrow("tmux send-keys");
    }

    String screen() {
        Command c = Command.run("tmux", "-L", socket, "capture-pane", "-p", "-t", name);
        return c.ok() ? c.output() : "";
    }

    /** The command running in the pane: "bash" at the prompt, "java" while the console runs. */
    String currentCommand() {
        return Command.run("tmux", "-L", socket, "display-message", "-p", "-t", name, "#{pane_current_command}")
                .output().trim();
    }

    /**
     * Polls the screen until the condition holds; fails with the last screen when the deadline
     * passes. The deadline is generous on purpose: this checks what appears, not how fast.
     */
    String waitFor(String what, Predicate<String> condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + "; the screen was:\n" + screen);
            }
            sleep(POLL);
            screen = screen();
        }
        return screen;
    }

    /** The pid of the pane's first process: the console's JVM once the shell has exec'd the launcher. */
    long panePid() {
        return Long.parseLong(Command.run("tmux", "-L", socket, "display-message", "-p", "-t", name, "#{pane_pid}")
                .orThrow("tmux display-message").output().trim());
    }

    /** Waits until the pane's foreground command is the shell again. */
    void waitForShell(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!"bash".equals(currentCommand())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the console did not exit within " + deadline.toSeconds()
                        + " s; the screen was:\n" + screen());
            }
            sleep(POLL);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Command.run("tmux", "-L", socket, "kill-session", "-t", name);
    }

    /** Stops the private tmux server (every session of this test run). */
    static void killServer(String socket) {
        Command.run("tmux", "-L", socket, "kill-server");
    }
}
