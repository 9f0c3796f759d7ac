package edm.console.app;

import edm.console.ui.UiEvent;
import java.util.function.Consumer;

/**
 * Where one engine session's events go to the UI, until it is shut (the operator switched engine): then they are
 * dropped, so that nothing of the old engine lands on the new one's panels. Shut before the switch's own event is
 * posted, so everything let through is ahead of it in the queue.
 */
final class Gate {
    private final Consumer<UiEvent> to;
    private boolean open = true;

    Gate(Consumer<UiEvent> to) {
        this.to = to;
    }

    synchronized void post(UiEvent e) {
        if (open) {
            to.accept(e);
        }
    }

    synchronized boolean open() {
        return open;
    }

    synchronized void shut() {
        open = false;
    }

    synchronized void reopen() {
        open = true;
    }
}
