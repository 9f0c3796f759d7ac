package edm.console.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMapTest {
    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void scopeBindingWinsOverGlobalAndDialogsDoNotFallThrough() {
        KeyMap map = KeyMap.standard(false);
        assertEquals(Optional.of(Action.QUIT), map.resolve(ch('q'), Scope.CONTAINERS));
        assertEquals(Optional.of(Action.BACK), map.resolve(ch('q'), Scope.HELP), "q closes help first");
        assertEquals(Optional.of(Action.RESTART), map.resolve(ch('r'), Scope.CONTAINERS));
        assertEquals(Optional.empty(), map.resolve(ch('q'), Scope.DIALOG), "a dialog does not quit on q");
        assertEquals(Optional.of(Action.CANCEL), map.resolve(new KeyStroke(KeyType.Escape), Scope.DIALOG));
        assertEquals(Optional.of(Action.QUIT), map.resolve(new KeyStroke('c', true, false), Scope.CONTAINERS), "Ctrl-C");
        assertEquals(Optional.empty(), map.resolve(new KeyStroke('r', true, false), Scope.CONTAINERS), "Ctrl-R is not r");
    }

    @Test
    void readOnlyDropsEveryDangerousBindingFromDispatchHintsAndHelp() {
        KeyMap ro = KeyMap.standard(true);
        for (Scope s : Scope.values()) {
            assertTrue(ro.inScope(s).stream().noneMatch(KeyBinding::dangerous), s.name());
            assertTrue(ro.hints(s).stream().noneMatch(KeyBinding::dangerous), s.name());
        }
        assertEquals(Optional.empty(), ro.resolve(ch('r'), Scope.CONTAINERS));
        assertEquals(Optional.empty(), ro.resolve(ch('x'), Scope.DETAIL));
        assertTrue(KeyMap.table().stream().anyMatch(KeyBinding::dangerous), "the full table has dangerous actions");
    }

    @Test
    void theHintBarNamesEachKeyOnceInEveryScope() {
        // Resources and Health use the global scope: its hints were listed twice ("q quit ? help ... q quit ? help ...").
        KeyMap map = KeyMap.standard(false);
        for (Scope s : Scope.values()) {
            var hints = map.hints(s);
            assertEquals(new HashSet<>(hints).size(), hints.size(), s.name() + ": " + hints);
        }
    }

    @Test
    void noKeyIsBoundTwiceInOneScope() {
        for (Scope s : Scope.values()) {
            Set<String> seen = new HashSet<>();
            for (KeyBinding b : KeyMap.table()) {
                if (b.scope() != s) {
                    continue;
                }
                for (KeySpec k : b.keys()) {
                    assertTrue(seen.add(k.label()), "key " + k.label() + " bound twice in " + s);
                }
            }
        }
    }

    @Test
    void everyDescriptionExistsInBothLanguages() {
        for (Locale l : new Locale[] {Locale.ENGLISH, LanguageResolver.SIMPLIFIED_CHINESE}) {
            Messages m = new Messages(l);
            for (KeyBinding b : KeyMap.table()) {
                assertTrue(m.has(b.descriptionKey()), b.descriptionKey() + " in " + l);
                assertTrue(m.has(b.scope().titleKey()), b.scope().titleKey() + " in " + l);
            }
        }
    }

    /** The README's key list is generated from the table; this fails when they drift apart. */
    @Test
    void readmeKeyListMatchesTheTable() throws Exception {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String generated = KeyMap.standard(false).markdown(new Messages(Locale.ENGLISH));
        assertTrue(text.contains(generated), "README.md keys section is out of date; replace it with:\n" + generated);
        assertFalse(generated.isBlank());
    }

    /** Esc cancels (or closes) at every stage of the guided deploy, no global key fires there, and the README lists each stage. */
    @Test
    void everyStageOfTheGuidedDialogHasEscTakesNoGlobalKeyAndIsInTheReadme() throws Exception {
        KeyMap map = KeyMap.standard(false);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Messages en = new Messages(Locale.ENGLISH);
        for (Scope s : new Scope[] {Scope.TAG_PICKER, Scope.RELEASE_PICKER, Scope.DEPLOY_GATE, Scope.DEPLOY_PLAN, Scope.DEPLOY_WAIT,
                Scope.DEPLOY_RUN}) {
            assertTrue(s.modal(), s.name());
            Optional<Action> esc = map.resolve(new KeyStroke(KeyType.Escape), s);
            assertTrue(esc.equals(Optional.of(Action.CANCEL)) || esc.equals(Optional.of(Action.BACK)), s + ": " + esc);
            assertEquals(Optional.empty(), map.resolve(ch('1'), s), s + ": a panel key does not fire");
            assertTrue(readme.contains("| " + en.get(s.titleKey()) + " | |"), s + " in the README");
        }
        assertEquals(Optional.empty(), map.resolve(ch('q'), Scope.TAG_PICKER), "q is typed into the tag");
        assertEquals(Optional.empty(), map.resolve(ch('k'), Scope.TAG_PICKER), "k is typed into the tag, not a move");
        assertEquals(Optional.of(Action.CONFIRM), map.resolve(ch('y'), Scope.DEPLOY_PLAN));
        assertEquals(Optional.empty(), KeyMap.standard(true).resolve(ch('y'), Scope.DEPLOY_PLAN), "running a plan changes something");
    }
}
