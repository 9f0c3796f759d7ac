package edm.console.text;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our widths must match where Lanterna places characters, or TUI columns shift. */
class CellsLanternaAgreementTest {

    @Test
    void everyCharacterLanternaDrawsDoubleWidthIsTwoCells() {
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!Character.isSurrogate((char) c) && TerminalTextUtils.isCharCJK((char) c) && Cells.width(c) != 2) {
                disagreements.add(String.format("U+%04X", c));
            }
        }
        assertTrue(disagreements.isEmpty(), () -> "Lanterna draws these double width, Cells does not: " + disagreements);
    }

    @Test
    void afterForLanternaOurWidthIsLanternasForEveryBmpCharacterAndTheEmojiPlanes() {
        List<String> disagreements = new ArrayList<>();
        checkRange(0, 0xFFFF, disagreements);
        checkRange(0x1D400, 0x1D4FF, disagreements); // narrow supplementary letters
        checkRange(0x1F000, 0x1FAFF, disagreements); // emoji
        checkRange(0x20000, 0x200FF, disagreements); // CJK extension B
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements, first: "
                + disagreements.subList(0, Math.min(20, disagreements.size())));
    }

    private static void checkRange(int from, int to, List<String> disagreements) {
        for (int cp = from; cp <= to; cp++) {
            String safe = Cells.forLanterna(new String(Character.toChars(cp)));
            if (Cells.width(safe) != TerminalTextUtils.getColumnWidth(safe)) {
                disagreements.add(String.format("U+%04X", cp));
            }
        }
    }

    @Test
    void forLanternaComposesOrDropsZeroWidthCharactersAndSubstitutesTheRest() {
        assertEquals("é", Cells.forLanterna("e\u0301"));
        assertEquals("ab", Cells.forLanterna("a\u200Bb"));
        assertEquals("a b", Cells.forLanterna("a\tb"));
        assertEquals("a\uFFFDb", Cells.forLanterna("a\u001Bb"));
        assertEquals("〓", Cells.forLanterna("✅")); // wide in terminals, narrow in Lanterna
        assertEquals("\uFFFD", Cells.forLanterna("\uD835\uDC00")); // U+1D400: narrow in terminals, two cells in Lanterna
        assertEquals("\uD83D\uDE80", Cells.forLanterna("\uD83D\uDE80")); // agreed: two cells
        assertEquals("数据库 db", Cells.forLanterna("数据库 db"));
        assertEquals("\uFFFD", Cells.forLanterna("\uD800")); // lone surrogate
    }

    @Test
    void lanternaPlacesTheCharacterAfterAFittedCjkCellWhereCellsSaysItIs() {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(30, 2));
        TextGraphics g = terminal.newTextGraphics();
        String first = Cells.fit(Cells.forLanterna("数据库备份任务"), 9); // "数据库备…"? must be exactly 9 cells
        g.putString(0, 0, first + "|X");
        int column = Cells.width(first);
        assertEquals(9, column);
        assertEquals("|", terminal.getCharacter(new TerminalPosition(column, 0)).getCharacterString());
        assertEquals("X", terminal.getCharacter(new TerminalPosition(column + 1, 0)).getCharacterString());
    }
}
