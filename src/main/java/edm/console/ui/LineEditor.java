package edm.console.ui;

/**
 * The text of a one-line input (the log search) and its cursor, in code points so that a Chinese
 * character or an emoji is one step. Pure state: the controller feeds it keys, the renderer draws it.
 */
public final class LineEditor {
    private final StringBuilder text;
    private int cursor;

    public LineEditor(String initial) {
        text = new StringBuilder(initial == null ? "" : initial);
        cursor = length();
    }

    public String text() {
        return text.toString();
    }

    /** The cursor as a code-point index, 0..length. */
    public int cursor() {
        return cursor;
    }

    public int length() {
        return text.codePointCount(0, text.length());
    }

    public void insert(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return; // a pasted control character must not enter the pattern unseen
        }
        text.insert(offset(cursor), Character.toChars(codePoint));
        cursor++;
    }

    public void deleteBack() {
        if (cursor == 0) {
            return;
        }
        int end = offset(cursor);
        int start = offset(cursor - 1);
        text.delete(start, end);
        cursor--;
    }

    public void left() {
        cursor = Math.max(0, cursor - 1);
    }

    public void right() {
        cursor = Math.min(length(), cursor + 1);
    }

    public void home() {
        cursor = 0;
    }

    public void end() {
        cursor = length();
    }

    /** The text before the cursor (the renderer places the cursor after it). */
    public String beforeCursor() {
        return text.substring(0, offset(cursor));
    }

    private int offset(int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }
}
