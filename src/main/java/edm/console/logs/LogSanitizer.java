package edm.console.logs;

import edm.console.text.TerminalSafe;

/**
 * Turns a raw byte stream (a container's stdout, a growing file) into terminal-safe lines. It is
 * stateful across {@link #feed} calls, so a UTF-8 character or an escape sequence split between two
 * reads is still decoded or removed whole.
 *
 * <ul>
 *   <li>CSI sequences (colours, cursor moves; 7-bit {@code ESC [} and 8-bit 0x9B) and two-byte
 *       {@code ESC x} sequences (reset, charset, save cursor) are removed.</li>
 *   <li>String sequences (OSC incl. title and OSC 52 clipboard, DCS, APC, PM, SOS; 7- and 8-bit) are
 *       removed up to their terminator (BEL or ST) and leave one visible {@code ␛} so the operator
 *       sees that something was there. A line end also ends them: nothing spills into the next line.</li>
 *   <li>Other C0/C1 controls, DEL and bidi overrides become visible placeholders
 *       ({@link TerminalSafe#appendSafe}); a tab becomes spaces; CR before LF is dropped.</li>
 *   <li>Invalid UTF-8 becomes U+FFFD, except a stray byte 0x80-0x9F, which is read as the C1 control
 *       it would be to an 8-bit terminal (so a raw 0x9B still starts a removed CSI).</li>
 *   <li>A line longer than {@code maxLineChars} is cut; the rest is counted, not kept, and the line
 *       ends with {@code …[+N B]} (N bytes dropped), so a 1 MB line costs no more than a short one.</li>
 * </ul>
 */
public final class LogSanitizer {
    /** Receives each finished line. */
    @FunctionalInterface
    public interface LineHandler {
        void line(String text);
    }

    private enum State { TEXT, ESC, ESC_INTERMEDIATE, CSI, STRING, STRING_ESC }

    private static final char STRING_PLACEHOLDER = '␛';

    private final int maxLineChars;
    private final LineHandler out;
    private final StringBuilder line = new StringBuilder(128);
    private long droppedBytes;
    private boolean pendingCr;
    private State state = State.TEXT;
    // UTF-8 decoding state: code point so far, continuation bytes still needed, smallest legal value.
    private int cp;
    private int need;
    private int min;

    public LogSanitizer(int maxLineChars, LineHandler out) {
        this.maxLineChars = Math.max(16, maxLineChars);
        this.out = out;
    }

    public void feed(byte[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            int b = buf[i] & 0xff;
            if (need == 0 && b >= 0x20 && b < 0x7f && state == State.TEXT && !pendingCr) {
                // Fast path: printable ASCII in plain text.
                if (line.length() < maxLineChars) {
                    line.append((char) b);
                } else {
                    droppedBytes++;
                }
                continue;
            }
            decode(b);
        }
    }

    /** Nothing of a line begun: the next bytes start a new line (so a whole frame may be skipped unread). */
    public boolean atLineStart() {
        return line.length() == 0 && droppedBytes == 0 && need == 0 && !pendingCr && state == State.TEXT;
    }

    /** Ends the stream: a last line without a line end is delivered, any open sequence dropped. */
    public void flush() {
        if (need > 0) {
            need = 0;
            codePoint(0xFFFD);
        }
        if (line.length() > 0 || droppedBytes > 0 || pendingCr) {
            pendingCr = false;
            endLine();
        }
        state = State.TEXT;
    }

    private void decode(int b) {
        if (need > 0) {
            if ((b & 0xC0) == 0x80) {
                cp = (cp << 6) | (b & 0x3F);
                if (--need == 0) {
                    boolean bad = cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
                    codePoint(bad ? 0xFFFD : cp);
                }
                return;
            }
            // Truncated sequence: replace it, then read this byte afresh.
            need = 0;
            codePoint(0xFFFD);
        }
        if (b < 0x80) {
            codePoint(b);
        } else if (b < 0xA0) {
            codePoint(b); // stray 0x80-0x9F: the C1 control an 8-bit terminal would see
        } else if (b >= 0xC2 && b <= 0xDF) {
            start(b & 0x1F, 1, 0x80);
        } else if (b >= 0xE0 && b <= 0xEF) {
            start(b & 0x0F, 2, 0x800);
        } else if (b >= 0xF0 && b <= 0xF4) {
            start(b & 0x07, 3, 0x10000);
        } else {
            codePoint(0xFFFD);
        }
    }

    private void start(int bits, int continuation, int minimum) {
        cp = bits;
        need = continuation;
        min = minimum;
    }

    private void codePoint(int c) {
        if (c == '\n') {
            // A line end finishes the line whatever state we are in: a sequence never spans lines.
            state = State.TEXT;
            pendingCr = false;
            endLine();
            return;
        }
        switch (state) {
            case TEXT -> text(c);
            case ESC -> escape(c);
            case ESC_INTERMEDIATE -> {
                if (c < 0x20 || c > 0x2F) {
                    state = c >= 0x30 && c <= 0x7E ? State.TEXT : reprocess(c);
                }
            }
            case CSI -> {
                if (c >= 0x40 && c <= 0x7E) {
                    state = State.TEXT;
                } else if (c < 0x20 || c > 0x3F) {
                    state = reprocess(c); // not a CSI byte: the sequence was malformed, show what follows
                }
            }
            case STRING -> {
                if (c == 0x07 || c == 0x9C) {
                    state = State.TEXT;
                } else if (c == 0x1B) {
                    state = State.STRING_ESC;
                }
            }
            case STRING_ESC -> state = c == '\\' ? State.TEXT : c == 0x1B ? State.STRING_ESC : State.STRING;
        }
    }

    /** Leaves the current sequence and handles {@code c} as plain text. */
    private State reprocess(int c) {
        state = State.TEXT;
        text(c);
        return state;
    }

    private void text(int c) {
        if (pendingCr) {
            pendingCr = false;
            put(0x0D); // a CR inside a line would let text overwrite itself: show it
        }
        switch (c) {
            case 0x1B -> state = State.ESC;
            case 0x9B -> state = State.CSI;
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F -> beginString();
            case 0x9C -> {
                // A lone string terminator: nothing to end, nothing to show.
            }
            case 0x0D -> pendingCr = true;
            default -> put(c);
        }
    }

    private void escape(int c) {
        switch (c) {
            case '[' -> state = State.CSI;
            case ']', 'P', 'X', '^', '_' -> beginString();
            case 0x1B -> state = State.ESC;
            default -> {
                if (c >= 0x20 && c <= 0x2F) {
                    state = State.ESC_INTERMEDIATE; // e.g. ESC ( B: charset designation
                } else if (c >= 0x30 && c <= 0x7E) {
                    state = State.TEXT; // ESC c (reset), ESC 7 / ESC 8 (save/restore cursor), ...
                } else {
                    state = State.TEXT;
                    put(0x1B);
                    text(c);
                }
            }
        }
    }

    private void beginString() {
        state = State.STRING;
        put(STRING_PLACEHOLDER);
    }

    private void put(int c) {
        if (line.length() >= maxLineChars) {
            droppedBytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            return;
        }
        if (c >= 0x20 && c < 0x7f) {
            line.append((char) c);
        } else {
            TerminalSafe.appendSafe(line, c);
        }
    }

    private void endLine() {
        if (droppedBytes > 0) {
            line.append("…[+").append(droppedBytes).append(" B]");
        }
        String text = line.toString();
        line.setLength(0);
        droppedBytes = 0;
        out.line(text);
    }
}
