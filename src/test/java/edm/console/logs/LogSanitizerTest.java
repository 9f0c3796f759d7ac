package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile inputs and exactly what reaches the screen. */
class LogSanitizerTest {
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("plain", "plain text", "plain text"),
                Arguments.of("SGR colours", "\u001b[31;1mred\u001b[0m!", "red!"),
                Arguments.of("cursor movement", "a\u001b[2J\u001b[Hb\u001b[10;20fc", "abc"),
                Arguments.of("private CSI", "x\u001b[?1049hy", "xy"),
                Arguments.of("OSC title, BEL", "a\u001b]0;pwned\u0007b", "a␛b"),
                Arguments.of("OSC 52 clipboard, ST", "x\u001b]52;c;cm0gLXJmIC8=\u001b\\y", "x␛y"),
                Arguments.of("OSC 8 hyperlink", "\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\", "␛link␛"),
                Arguments.of("DCS", "\u001bP1$r0m\u001b\\z", "␛z"),
                Arguments.of("APC", "\u001b_Gf=100;AAAA\u001b\\ok", "␛ok"),
                Arguments.of("PM and SOS", "\u001b^pm\u001b\\\u001bXsos\u001b\\.", "␛␛."),
                Arguments.of("8-bit CSI (U+009B)", "\u009b31mred", "red"),
                Arguments.of("8-bit OSC (U+009D) ended by 8-bit ST", "\u009d0;t\u009cx", "␛x"),
                Arguments.of("8-bit DCS/APC", "\u0090q\u009c\u009fa\u009cb", "␛␛b"),
                Arguments.of("other C1 shown", "a\u0085b", "a¿b"),
                Arguments.of("RIS reset", "\u001bcX", "X"),
                Arguments.of("save/restore cursor", "\u001b7a\u001b8", "a"),
                Arguments.of("charset designation", "\u001b(0q\u001b(B", "q"),
                Arguments.of("bidi override", "abc\u202Egpj.exe", "abc⸮gpj.exe"),
                Arguments.of("bidi isolate", "\u2066x\u2069", "⸮x⸮"),
                Arguments.of("backspace overwrite", "rm -rf /\b\b\b\bls", "rm -rf /␈␈␈␈ls"),
                Arguments.of("bell", "ding\u0007", "ding␇"),
                Arguments.of("NUL", "a\u0000b", "a␀b"),
                Arguments.of("DEL", "a\u007fb", "a␡b"),
                Arguments.of("CR inside a line", "safe\rEVIL", "safe␍EVIL"),
                Arguments.of("tab", "a\tb", "a    b"),
                Arguments.of("lone ESC at end", "a\u001b", "a"),
                Arguments.of("ESC then control", "a\u001b\u0007b", "a␛␇b"),
                Arguments.of("wide text untouched", "日本語 ✓ ok", "日本語 ✓ ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileStringsBecomeInert(String name, String input, String expected) {
        assertEquals(List.of(expected), lines(input.getBytes(StandardCharsets.UTF_8)), name);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("truncated 2-byte", bytes(0xC3, 'a'), "\uFFFDa"),
                Arguments.of("overlong NUL", bytes(0xC0, 0x80, 'x'), "\uFFFD¿x"),
                Arguments.of("encoded surrogate", bytes(0xED, 0xA0, 0x80, 'x'), "\uFFFDx"),
                Arguments.of("beyond U+10FFFF", bytes(0xF5, 0x80, 'x'), "\uFFFD¿x"),
                Arguments.of("raw 8-bit CSI byte", bytes('a', 0x9B, '3', '1', 'm', 'b'), "ab"),
                Arguments.of("raw 8-bit OSC byte", bytes('a', 0x9D, '2', ';', 'x', 0x07, 'c'), "a␛c"),
                Arguments.of("lone continuation A0", bytes('a', 0xA0, 'b'), "a\uFFFDb"),
                Arguments.of("truncated at end of stream", bytes('a', 0xE4, 0xB8), "a\uFFFD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsReplacedNotPassedOn(String name, byte[] input, String expected) {
        assertEquals(List.of(expected), lines(input), name);
    }

    @Test
    void anEscapeSplitAcrossReadsIsStillRemoved() {
        List<String> out = new ArrayList<>();
        LogSanitizer s = new LogSanitizer(1000, out::add);
        feed(s, "abc\u001b");
        feed(s, "[3");
        feed(s, "1mdef\nx\u001b]0;ti");
        feed(s, "tle\u0007y\n");
        byte[] han = "中\n".getBytes(StandardCharsets.UTF_8);
        s.feed(han, 0, 1);
        s.feed(han, 1, han.length - 1);
        assertEquals(List.of("abcdef", "x␛y", "中"), out);
    }

    @Test
    void everyByteSplitGivesTheSameResult() {
        byte[] in = "a\u001b]52;c;Zm9v\u001b\\b\u001b[1mc中\u009b2Jd\r\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= in.length; cut++) {
            List<String> out = new ArrayList<>();
            LogSanitizer s = new LogSanitizer(1000, out::add);
            s.feed(in, 0, cut);
            s.feed(in, cut, in.length - cut);
            s.flush();
            assertEquals(List.of("a␛bc中d"), out, "split at " + cut);
        }
    }

    @Test
    void sequencesNeverSpanLines() {
        assertEquals(List.of("a␛", "next"), lines("a\u001b]0;never ended\nnext\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a", "b"), lines("a\u001b[12\nb".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("one", "", "two"), lines("one\r\n\ntwo\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aOneMegabyteLineIsCutAndCounted() {
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        List<String> out = new ArrayList<>();
        LogSanitizer s = new LogSanitizer(100, out::add);
        for (int off = 0; off < big.length; off += 4096) {
            s.feed(big, off, 4096);
        }
        s.feed(new byte[] {'\n', 'o', 'k', '\n'}, 0, 4);
        assertEquals(List.of("a".repeat(100) + "…[+" + ((1 << 20) - 100) + " B]", "ok"), out);
    }

    private static void feed(LogSanitizer s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.feed(b, 0, b.length);
    }

    private static List<String> lines(byte[] input) {
        List<String> out = new ArrayList<>();
        LogSanitizer s = new LogSanitizer(1000, out::add);
        s.feed(input, 0, input.length);
        s.flush();
        return out;
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int v : values) {
            b.write(v);
        }
        return b.toByteArray();
    }
}
