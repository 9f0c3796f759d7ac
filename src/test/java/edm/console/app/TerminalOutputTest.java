package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lanterna waits for the reply to its cursor-position request: that request must not sit in the buffer. */
class TerminalOutputTest {
    @Test
    void aFrameStaysInTheBufferUntilTheFlush() throws IOException {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        TerminalOutput out = new TerminalOutput(tty);
        out.write("\u001b[1;1Hpeer-1".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, tty.size(), "nothing written before the flush");
        out.flush();
        assertEquals("\u001b[1;1Hpeer-1", tty.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCursorPositionRequestLeavesAtOnceWithWhatWasBufferedBeforeIt() throws IOException {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        TerminalOutput out = new TerminalOutput(tty);
        out.write("\u001b[s".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {0x1b, '[', '6', 'n'});
        assertArrayEquals("\u001b[s\u001b[6n".getBytes(StandardCharsets.UTF_8), tty.toByteArray());
    }
}
