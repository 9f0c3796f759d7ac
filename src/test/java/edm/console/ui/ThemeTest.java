package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @Test
    void everyBuiltInThemeLoadsAndSeparatesCriticalFromNormal() {
        for (String name : Theme.BUILT_IN) {
            Theme t = Theme.load(name);
            Theme.Look normal = t.look(Style.NORMAL);
            Theme.Look critical = t.look(Style.CRITICAL);
            assertTrue(!critical.equals(normal), name + ": critical must look different from normal");
            assertTrue(!t.look(Style.SELECTED).equals(normal), name + ": selection must be visible");
        }
    }

    @Test
    void repoThemesDirHoldsTheSameFilesAsTheBuiltIns() {
        for (String name : Theme.BUILT_IN) {
            assertTrue(Files.isRegularFile(Path.of("themes", name + ".properties")), name);
        }
    }

    @Test
    void highContrastUsesReverseVideoForSelection() {
        assertTrue(Theme.load("high-contrast").look(Style.SELECTED).sgr().contains(SGR.REVERSE));
    }

    @Test
    void aThemeFileByPathOverridesAndInheritsNormal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, "normal.foreground = #112233\nok.foreground = blue\n");
        Theme t = Theme.load(f.toString());
        assertEquals("mine", t.name());
        assertEquals(TextColor.ANSI.BLUE, t.look(Style.OK).foreground());
        assertEquals(t.look(Style.NORMAL).foreground(), t.look(Style.MUTED).foreground(), "unset styles inherit normal");
        assertNotEquals(TextColor.ANSI.DEFAULT, t.look(Style.MUTED).foreground());
    }

    @Test
    void badValuesAndUnknownKeysAreOneLineErrorsNamingFileAndKey() {
        Theme.ThemeException bad = assertThrows(Theme.ThemeException.class,
                () -> Theme.parse("x", new StringReader("ok.foreground = blurple\n"), "my.properties"));
        assertTrue(bad.getMessage().startsWith("my.properties: ok.foreground: 'blurple' is not a colour"), bad.getMessage());
        Theme.ThemeException unknown = assertThrows(Theme.ThemeException.class,
                () -> Theme.parse("x", new StringReader("okay.foreground = blue\n"), "my.properties"));
        assertTrue(unknown.getMessage().contains("okay.foreground: unknown key"), unknown.getMessage());
        Theme.ThemeException sgr = assertThrows(Theme.ThemeException.class,
                () -> Theme.parse("x", new StringReader("ok.sgr = SHINY\n"), "my.properties"));
        assertTrue(sgr.getMessage().contains("ok.sgr: 'SHINY' is not an SGR"), sgr.getMessage());
        assertTrue(!bad.getMessage().contains("\n"));
    }

    @Test
    void missingThemeNamesTheChoices() {
        Theme.ThemeException e = assertThrows(Theme.ThemeException.class, () -> Theme.load("solarized"));
        assertTrue(e.getMessage().contains("dark, light, high-contrast"), e.getMessage());
    }
}
