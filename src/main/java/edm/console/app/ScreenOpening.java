package edm.console.app;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The console's screen, made on a thread of its own from launch on: taking the terminal runs stty in
 * child processes, which the launcher need not wait for while it wires the monitors and the UI. Nothing
 * is drawn until the launcher starts the screen; Lanterna restores the terminal's modes at exit.
 */
final class ScreenOpening {
    private final CompletableFuture<Screen> screen = new CompletableFuture<>();

    private ScreenOpening() {
    }

    static ScreenOpening start() {
        ScreenOpening o = new ScreenOpening();
        Thread t = new Thread(() -> {
            try {
                o.screen.complete(open());
            } catch (IOException | RuntimeException | Error e) {
                o.screen.completeExceptionally(e);
            }
        }, "edm-open-terminal");
        t.setDaemon(true);
        t.start();
        return o;
    }

    private static Screen open() throws IOException {
        // Lanterna writes a string character by character; through System.out (which flushes on every
        // write) that is one write(2) per cell, and a full-screen frame took tens of ms of tmux wake-ups.
        // Buffered without auto-flush, a frame leaves in one go at the painter's flush.
        OutputStream out = new TerminalOutput(new FileOutputStream(FileDescriptor.out));
        return new TerminalScreen(new ConsoleTerminal(System.in, out, StandardCharsets.UTF_8));
    }

    /** The screen, once the terminal is taken; the failure to take it as it happened. */
    Screen screen() throws IOException {
        try {
            return join();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /**
     * Waits for the opening to end without using the screen (the launcher failed before it): Lanterna has
     * then registered the exit hook that restores the terminal's modes, which an exit in the middle would skip.
     */
    void abandon() {
        try {
            join();
        } catch (ExecutionException | RuntimeException e) {
            // Nothing was taken, or it will be restored at exit.
        }
    }

    private Screen join() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return screen.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
