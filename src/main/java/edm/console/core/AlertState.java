package edm.console.core;

/** An alert's life: its condition holds (PENDING) long enough to fire (FIRING), then stops holding (RESOLVED). */
public enum AlertState {
    PENDING, FIRING, RESOLVED
}
