package edm.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalSafeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "plain text|plain text",
            "\u001b[31mred\u001b[0m|␛[31mred␛[0m",
            "\u001b]52;c;ZXZpbA==\u0007|␛]52;c;ZXZpbA==␇",
            "a\u009b2Jb\u009d0;t|a¿2Jb¿0;t",
            "line\rover|line␍over",
            "bell\u0007|bell␇",
            "del\u007f|del␡",
            "abc\u202Etxt.exe|abc⸮txt.exe",
            "\u2066iso\u2069|⸮iso⸮",
            "中文名称|中文名称"})
    void controlsBecomeVisiblePlaceholders(String in, String out) {
        assertEquals(out, TerminalSafe.clean(in));
    }

    @Test
    void tabsBecomeSpacesAndNullIsEmpty() {
        assertEquals("a    b", TerminalSafe.clean("a\tb"));
        assertEquals("", TerminalSafe.clean(null));
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "edm-backend-prod";
        assertSame(s, TerminalSafe.clean(s));
    }
}
