package edm.console.text;

import java.lang.Character.UnicodeBlock;
import java.util.Set;

/**
 * Width tables behind {@link Cells}: how many terminal cells one code point takes.
 *
 * <p>Two sources are combined. The first is Unicode's East Asian Width property (W and F = two
 * cells), which is what terminals (wcwidth) use. The second is Lanterna 3.1.3's own idea of double
 * width ({@code TerminalTextUtils.isCharCJK}), which decides where Lanterna places the next
 * character: every character Lanterna draws as two cells is two cells here too, even the few
 * where Unicode disagrees (Hangul Jamo U+1160-11FF and U+302A-302D, which are combining, and
 * U+303F), because a width that differs from Lanterna's shifts every later column in the TUI.
 */
final class CellWidth {
    private CellWidth() {
    }

    /**
     * East Asian Wide and Fullwidth ranges (Unicode 15), as inclusive pairs, sorted. Emoji blocks
     * are taken whole: the few text-presentation symbols inside them are rare in container names and
     * log lines, and Lanterna counts every supplementary character as two cells anyway.
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        0x3041, 0x33FF, // kana, Bopomofo, Hangul compatibility jamo, Kanbun, strokes, enclosed CJK, CJK compatibility
        0x3400, 0x4DBF, // CJK extension A
        0x4E00, 0xA4CF, // CJK unified ideographs, Yi
        0xA960, 0xA97F, 0xAC00, 0xD7A3, // Hangul jamo extended A, Hangul syllables
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x18CFF, 0x18D00, 0x18D08, 0x1AFF0, 0x1B2FF,
        0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F2FF,
        0x1F300, 0x1F64F, // pictographs, emoticons
        0x1F680, 0x1F6FF, // transport and map symbols
        0x1F7E0, 0x1F7F0, 0x1F900, 0x1F9FF, 0x1FA70, 0x1FAFF,
        0x20000, 0x2FFFD, 0x30000, 0x3FFFD, // CJK extensions B and later
    };

    /** The blocks Lanterna 3.1.3 draws as two cells (TerminalTextUtils.isCharCJK). */
    private static final Set<UnicodeBlock> LANTERNA_WIDE_BLOCKS = Set.of(
            UnicodeBlock.HIRAGANA, UnicodeBlock.KATAKANA, UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS,
            UnicodeBlock.HANGUL_COMPATIBILITY_JAMO, UnicodeBlock.HANGUL_JAMO, UnicodeBlock.HANGUL_SYLLABLES,
            UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS, UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
            UnicodeBlock.CJK_COMPATIBILITY_FORMS, UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS,
            UnicodeBlock.CJK_RADICALS_SUPPLEMENT, UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION,
            UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS, UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS);

    /**
     * Widths of BMP code points once looked up, plus one (0: not looked up yet). {@link UnicodeBlock#of}
     * costs a binary search over ~300 blocks, and every drawn character used to pay it on every frame.
     * Racing writers store the same value, so no lock is needed.
     */
    private static final byte[] OURS = new byte[0x10000];
    private static final byte[] LANTERNA = new byte[0x10000];

    /** Below the combining diacritics (U+0300) every character but the C0/C1 controls is one cell in both. */
    private static final int LATIN_END = 0x300;

    /** Cells one code point takes in a terminal: 0, 1 or 2. Control characters count as 0. */
    static int of(int cp) {
        if (cp < LATIN_END) {
            return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 0 : 1;
        }
        if (cp > 0xFFFF) {
            return computeOf(cp);
        }
        int known = OURS[cp];
        if (known == 0) {
            known = computeOf(cp) + 1;
            OURS[cp] = (byte) known;
        }
        return known - 1;
    }

    /** True when every char of {@code s} is below U+0300 and printable: one cell each, in us and in Lanterna. */
    static boolean plainLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= LATIN_END || c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                return false;
            }
        }
        return true;
    }

    private static int computeOf(int cp) {
        if (lanternaWide(cp)) {
            return 2;
        }
        if (zeroWidth(cp)) {
            return 0;
        }
        return inWideTable(cp) ? 2 : 1;
    }

    /**
     * Cells Lanterna 3.1.3 gives the code point when it is drawn with putString: Lanterna walks
     * UTF-16 chars, so a supplementary code point (two chars) always takes two cells.
     */
    static int lanterna(int cp) {
        if (cp < LATIN_END) {
            return 1;
        }
        if (Character.isSupplementaryCodePoint(cp)) {
            return 2;
        }
        int known = LANTERNA[cp];
        if (known == 0) {
            known = (lanternaWide(cp) ? 2 : 1) + 1;
            LANTERNA[cp] = (byte) known;
        }
        return known - 1;
    }

    static boolean lanternaWide(int cp) {
        if (cp > 0xFFFF) {
            return false;
        }
        UnicodeBlock block = UnicodeBlock.of(cp);
        if (block == UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
            return cp < 0xFF61; // Lanterna: halfwidth katakana and Hangul from U+FF61 are narrow
        }
        return block != null && LANTERNA_WIDE_BLOCKS.contains(block);
    }

    static boolean zeroWidth(int cp) {
        if (cp == 0x00AD) {
            return false; // soft hyphen: terminals show it
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || type == Character.CONTROL
                || (cp >= 0x1160 && cp <= 0x11FF); // Hangul medial vowels and final consonants combine
    }

    private static boolean inWideTable(int cp) {
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[2 * mid]) {
                hi = mid - 1;
            } else if (cp > WIDE[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
