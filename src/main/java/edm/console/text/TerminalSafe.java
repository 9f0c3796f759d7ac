package edm.console.text;

/**
 * Makes untrusted text (container names, env values, log lines, engine messages) safe to put on the
 * terminal: control characters, escape introducers and bidirectional overrides become visible
 * placeholders, so nothing from outside can move the cursor, change colours, set the title or
 * reorder what the operator reads.
 */
public final class TerminalSafe {
    private TerminalSafe() {
    }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> appendSafe(out, cp));
        return out.toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || isBidiControl(c) || Character.isSurrogate(c) || c == 0xFFFD) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends one code point as it may reach the terminal: printable ones unchanged, controls and
     * bidi overrides as their visible placeholder. Shared with the streaming log sanitiser, which
     * removes whole escape sequences first and then passes each remaining code point through here.
     */
    public static void appendSafe(StringBuilder out, int cp) {
        if (cp == '\t') {
            out.append("    ");
        } else if (cp == 0x1b) {
            out.append('␛');
        } else if (cp < 0x20) {
            out.appendCodePoint(0x2400 + cp); // Unicode "control pictures": ␀ ␁ ... ␟
        } else if (cp == 0x7f) {
            out.append('␡');
        } else if (cp >= 0x80 && cp < 0xa0) {
            out.append('¿'); // C1 controls, incl. 8-bit CSI 0x9B and OSC 0x9D
        } else if (isBidiControl(cp)) {
            out.append('⸮');
        } else if (Character.isSurrogate((char) Math.min(cp, 0xFFFF)) && cp <= 0xFFFF) {
            out.append('\uFFFD'); // lone surrogate from broken input
        } else {
            out.appendCodePoint(cp);
        }
    }

    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
