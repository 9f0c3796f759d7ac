package edm.console.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's character set comes from the locale variables' code set, not from the locales the server has. */
class OutputCharsetTest {
    @Test
    void utf8WhenTheLocaleSaysSoEvenIfItIsNotInstalled() {
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "en_US.utf8")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LC_ALL", "C.UTF-8", "LANG", "en_US.ISO-8859-1")));
    }

    @Test
    void utf8WhenNothingNamesACodeSet() {
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of()));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "C")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "POSIX")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "zh_CN")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LANG", "en_US.NO-SUCH-CHARSET")));
    }

    @Test
    void anotherCodeSetNamedExplicitlyIsFollowedAndTheFirstSetVariableDecides() {
        assertEquals(Charset.forName("GB18030"), OutputCharset.of(Map.of("LANG", "zh_CN.GB18030")));
        assertEquals(StandardCharsets.ISO_8859_1, OutputCharset.of(Map.of("LC_CTYPE", "de_DE.ISO-8859-1@euro", "LANG", "zh_CN.UTF-8")));
        assertEquals(Charset.forName("GB18030"), OutputCharset.of(Map.of("LC_ALL", "zh_CN.GB18030", "LC_CTYPE", "en_US.UTF-8")));
        assertEquals(StandardCharsets.UTF_8, OutputCharset.of(Map.of("LC_ALL", "", "LANG", "en_US.UTF-8")));
    }
}
