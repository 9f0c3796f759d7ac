package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineEditorTest {
    @Test
    void editsAtTheCursorByCodePoint() {
        LineEditor e = new LineEditor("");
        "err".codePoints().forEach(e::insert);
        e.left();
        e.left();
        e.insert('X');
        assertEquals("eXrr", e.text());
        assertEquals(2, e.cursor());
        e.deleteBack();
        assertEquals("err", e.text());
        e.end();
        e.insert("😀".codePointAt(0));
        e.insert('中');
        e.left();
        e.deleteBack();
        assertEquals("err中", e.text(), "the emoji (two chars) goes as one");
        e.home();
        e.deleteBack();
        assertEquals("err中", e.text(), "nothing before the start");
        e.insert(0x1b);
        assertEquals("err中", e.text(), "control characters are not typed");
        e.right();
        assertEquals("e", e.beforeCursor());
    }

    @Test
    void startsWithTheCursorAfterThePreviousText() {
        LineEditor e = new LineEditor("5\\d\\d");
        assertEquals(5, e.cursor());
        e.insert('$');
        assertEquals("5\\d\\d$", e.text());
    }
}
