package edm.console.ui.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Map;

/**
 * A key as written in the binding table: a single character ("q", "?", "S") or a named key
 * ("Enter", "Esc", "Tab", "Up", "PgDn", "F5"). Matches Lanterna key strokes.
 */
public record KeySpec(String label, KeyType type, Character character, boolean ctrl) {
    private static final Map<String, KeyType> NAMED = Map.ofEntries(
            Map.entry("Enter", KeyType.Enter), Map.entry("Esc", KeyType.Escape), Map.entry("Tab", KeyType.Tab),
            Map.entry("Shift-Tab", KeyType.ReverseTab), Map.entry("Up", KeyType.ArrowUp),
            Map.entry("Down", KeyType.ArrowDown), Map.entry("Left", KeyType.ArrowLeft),
            Map.entry("Right", KeyType.ArrowRight), Map.entry("PgUp", KeyType.PageUp),
            Map.entry("PgDn", KeyType.PageDown), Map.entry("Home", KeyType.Home), Map.entry("End", KeyType.End),
            Map.entry("Backspace", KeyType.Backspace), Map.entry("F5", KeyType.F5), Map.entry("F1", KeyType.F1));

    public static KeySpec of(String label) {
        KeyType named = NAMED.get(label);
        if (named != null) {
            return new KeySpec(label, named, null, false);
        }
        if (label.equals("Space")) {
            return new KeySpec(label, KeyType.Character, ' ', false);
        }
        if (label.startsWith("Ctrl-") && label.length() == 6) {
            return new KeySpec(label, KeyType.Character, Character.toLowerCase(label.charAt(5)), true);
        }
        if (label.codePointCount(0, label.length()) == 1) {
            return new KeySpec(label, KeyType.Character, label.charAt(0), false);
        }
        throw new IllegalArgumentException("unknown key name: " + label);
    }

    public boolean matches(KeyStroke k) {
        if (k == null || k.isAltDown() || k.isCtrlDown() != ctrl) {
            return false;
        }
        if (type == KeyType.Character) {
            return k.getKeyType() == KeyType.Character && character.equals(k.getCharacter());
        }
        return k.getKeyType() == type;
    }
}
