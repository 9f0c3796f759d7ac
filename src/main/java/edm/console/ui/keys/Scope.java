package edm.console.ui.keys;

/** Where a binding applies. Bindings of the active scope win over GLOBAL ones. */
public enum Scope {
    GLOBAL, CONTAINERS, DETAIL, HELP, DIALOG;

    public String titleKey() {
        return "keys.scope." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
