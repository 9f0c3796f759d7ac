package edm.console.ui;

/**
 * What the hosts view may ask: a poll of every engine now, and a switch of every panel to another engine. Both
 * return at once; the rows come back as {@link UiEvent.Hosts}, the switch as {@link UiEvent.EngineReady} (then
 * {@link TuiApp} rebuilds the panels on it) or {@link UiEvent.SwitchFailed}.
 */
public interface HostsControl {
    void refresh();

    void switchTo(String engine);

    HostsControl NONE = new HostsControl() {
        @Override
        public void refresh() {
        }

        @Override
        public void switchTo(String engine) {
            throw new IllegalStateException("one engine only");
        }
    };
}
