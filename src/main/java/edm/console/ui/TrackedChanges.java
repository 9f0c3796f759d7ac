package edm.console.ui;

import edm.console.core.InFlightWork;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the changes the UI starts (deploy, rollback, start/stop/restart, recovery) off the UI thread,
 * each registered as in flight from the key press until its result is posted, so that the console does
 * not end under it (quit, terminal gone) and a result reached while nobody watched is reported.
 */
final class TrackedChanges {
    private final ExecutorService actions;
    private final Consumer<UiEvent> post;
    private volatile InFlightWork inFlight;

    TrackedChanges(ExecutorService actions, Consumer<UiEvent> post, InFlightWork inFlight) {
        this.actions = actions;
        this.post = post;
        this.inFlight = inFlight;
    }

    void track(InFlightWork w) {
        this.inFlight = w;
    }

    InFlightWork inFlight() {
        return inFlight;
    }

    /**
     * Starts {@code work}; its result (or {@code failure}'s text for its exception) becomes the flash
     * line, then {@code after} runs on the worker thread.
     */
    void run(String what, String subject, String containerId, Supplier<String> work, Function<RuntimeException, String> failure,
             Runnable after) {
        InFlightWork.Ticket ticket = inFlight.begin(what, subject);
        try {
            actions.execute(() -> {
                try {
                    String result = work.get();
                    ticket.finished(true, result);
                    post.accept(new UiEvent.ActionDone(containerId, result, false));
                } catch (RuntimeException ex) {
                    String text = failure.apply(ex);
                    ticket.finished(false, text);
                    post.accept(new UiEvent.ActionDone(containerId, text, true));
                } finally {
                    ticket.close();
                    after.run();
                }
            });
        } catch (RuntimeException rejected) {
            ticket.close();
            throw rejected;
        }
    }
}
