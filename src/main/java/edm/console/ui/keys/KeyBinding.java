package edm.console.ui.keys;

import java.util.List;

/**
 * One row of the key-binding table. keys are alternatives for the same action; descriptionKey is a
 * message key; dangerous actions change something (they vanish in --read-only); hint says whether the
 * hint bar shows it (the help screen shows every binding).
 */
public record KeyBinding(Scope scope, List<KeySpec> keys, Action action, String descriptionKey, boolean dangerous,
                         boolean hint) {
    public KeyBinding {
        keys = List.copyOf(keys);
    }

    public String keyLabels() {
        return String.join("/", keys.stream().map(KeySpec::label).toList());
    }
}
