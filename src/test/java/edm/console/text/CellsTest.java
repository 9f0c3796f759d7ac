package edm.console.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CellsTest {
    private static final String EMOJI = "\uD83D\uDE80"; // 🚀 U+1F680, a surrogate pair
    private static final String COMBINING_E = "e\u0301"; // e + combining acute accent

    @Test
    void asciiIsOneCellPerCharacter() {
        assertEquals(0, Cells.width(""));
        assertEquals(0, Cells.width(null));
        assertEquals(7, Cells.width("edm-api"));
    }

    @Test
    void cjkIdeographsKanaHangulAndFullwidthFormsAreTwoCells() {
        assertEquals(8, Cells.width("运行中止"));
        assertEquals(4, Cells.width("カナ"));
        assertEquals(4, Cells.width("한글"));
        assertEquals(4, Cells.width("ＡＢ"));
        assertEquals(6, Cells.width("：，。")); // fullwidth colon, fullwidth comma, ideographic full stop
    }

    @Test
    void mixedTextAddsUp() {
        assertEquals(2 + 6 + 1 + 3, Cells.width("db运行中 edm"));
    }

    @Test
    void emojiAndSupplementaryIdeographsAreOneCodePointOfTwoCells() {
        assertEquals(2, Cells.width(EMOJI));
        assertEquals(2, Cells.width("\uD840\uDC00")); // U+20000, CJK extension B
        assertEquals(2, Cells.width("✅")); // U+2705, wide emoji in the BMP
        assertEquals(5, Cells.width("a" + EMOJI + "b" + "c"));
    }

    @Test
    void combiningMarksZeroWidthAndControlCharactersTakeNoCells() {
        assertEquals(1, Cells.width(COMBINING_E));
        assertEquals(2, Cells.width("a\u200Bb")); // zero-width space
        assertEquals(2, Cells.width("⚠\uFE0F" + "x")); // variation selector 16
        assertEquals(2, Cells.width("a\u0007b"));
    }

    @Test
    void truncateLeavesTextThatFitsAlone() {
        assertEquals("edm", Cells.truncate("edm", 3));
        assertEquals("运行", Cells.truncate("运行", 4));
    }

    @Test
    void truncateMarksTheCutWithAnEllipsisAndIsExactlyAsWideAsAsked() {
        assertEquals("edm-…", Cells.truncate("edm-postgres", 5));
        assertEquals(5, Cells.width(Cells.truncate("edm-postgres", 5)));
        assertEquals("…", Cells.truncate("edm", 1));
        assertEquals("", Cells.truncate("edm", 0));
    }

    @Test
    void truncateNeverCutsAWideCharacterInHalf() {
        // 5 cells: "a" + "运" = 3, "行" would need cells 4-5 but one goes to the ellipsis.
        String cut = Cells.truncate("a运行中", 5);
        assertEquals("a运… ", cut);
        assertEquals(5, Cells.width(cut));
        // 4 cells: "运" = 2, "行" does not fit next to the ellipsis.
        assertEquals("运… ", Cells.truncate("运行中", 4));
        assertEquals("运…", Cells.truncate("运行中", 3));
        assertEquals("… ", Cells.truncate("运行中", 2));
    }

    @Test
    void truncateKeepsSurrogatePairsAndCombiningMarksWhole() {
        String cut = Cells.truncate(EMOJI + EMOJI + EMOJI, 4);
        assertEquals(EMOJI + "… ", cut);
        assertEquals(COMBINING_E + "…", Cells.truncate(COMBINING_E + "xyz", 2));
        for (int cells = 0; cells <= 8; cells++) {
            String s = Cells.truncate("x" + EMOJI + "y" + EMOJI + "z", cells);
            assertEquals(Math.min(cells, 7), Cells.width(s), "width at " + cells);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertEquals(true, i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)), "split pair at " + cells);
                }
            }
        }
    }

    @Test
    void padAndFitMeasureInCells() {
        assertEquals("运行  ", Cells.padRight("运行", 6));
        assertEquals("  运行", Cells.padLeft("运行", 6));
        assertEquals(" 运行 ", Cells.center("运行", 6));
        assertEquals("运行中", Cells.padRight("运行中", 4));
        assertEquals("运行中止  ", Cells.fit("运行中止", 10));
        assertEquals("运行… ", Cells.fit("运行中止", 6));
        assertEquals("   85.3%", Cells.fit("85.3%", 8, Align.RIGHT));
        for (int cells = 0; cells <= 12; cells++) {
            assertEquals(cells, Cells.width(Cells.fit("a运b行" + EMOJI + "c", cells)), "fit to " + cells);
        }
    }

    @Test
    void negativeWidthsAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Cells.truncate("x", -1));
        assertThrows(IllegalArgumentException.class, () -> Cells.padRight("x", -1));
    }
}
