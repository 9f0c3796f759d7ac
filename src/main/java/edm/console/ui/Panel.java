package edm.console.ui;

/** The panels of the main screen, in Tab order. */
public enum Panel {
    CONTAINERS("panel.containers"), RESOURCES("panel.resources"), LOGS("panel.logs"), HEALTH("panel.health"),
    ALERTS("panel.alerts"), BACKUPS("panel.backups"), SECURITY("panel.security");

    public final String titleKey;

    Panel(String titleKey) {
        this.titleKey = titleKey;
    }

    public Panel next() {
        return values()[(ordinal() + 1) % values().length];
    }

    public Panel previous() {
        return values()[(ordinal() + values().length - 1) % values().length];
    }
}
