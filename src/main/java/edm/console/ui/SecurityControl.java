package edm.console.ui;

/**
 * What the Security panel may ask of the rules: start running them in the background (on the panel's first
 * opening, then every few minutes) and run them once more now. Reports come back as UI events.
 */
public interface SecurityControl {
    /** Starts the periodic checks if they have not started; false when the rules are not available here. */
    boolean open();

    /** One more run now (after the operator fixed something); ignored while one is under way. */
    void checkNow();

    SecurityControl NONE = new SecurityControl() {
        @Override
        public boolean open() {
            return false;
        }

        @Override
        public void checkNow() {
        }
    };
}
