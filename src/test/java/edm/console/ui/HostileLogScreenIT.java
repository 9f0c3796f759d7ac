package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.live.GatewayLogApi;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A container that writes terminal attacks into its log (title change, OSC 52 clipboard, screen clear,
 * cursor moves, 8-bit CSI, bidi override), followed live on the virtual terminal: every cell holds a
 * printable character and the rest of the screen is where it was.
 */
@RequiresDocker
class HostileLogScreenIT {
    private static final String NAME = "edm-logs-it-hostile";

    @Test
    void hostileLogLinesDoNotChangeTheTerminal() throws Exception {
        DockerClient docker = DockerEngine.client();
        try {
            docker.removeContainerCmd(NAME).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not there
        }
        String script = "printf 'a\\033]0;pwned\\007b\\033]52;c;cm0gLXJmIH4=\\007c\\033[2J\\033[H\\033[31mRED\\033[0m"
                + "\\302\\233" + "1;1H\\342\\200\\256evil\\rX\\n'; printf 'after\\n'; sleep 30";
        String id = docker.createContainerCmd(TestImages.busybox()).withName(NAME).withCmd("/bin/sh", "-c", script).exec().getId();
        docker.startContainerCmd(id).exec();
        try (ContainerGateway gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10))) {
            LogSessions sessions = new LogSessions(new GatewayLogApi(gateway), Path.of("/nonexistent"), List.of(), 500,
                    10_000, 8 << 20, Clock.SYSTEM);
            try (ScreenHarness h = new ScreenHarness(100, 30, Locale.ENGLISH, false, "dark", sessions, Path.of("/tmp"))) {
                h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
                h.app.controller().openLogs(List.of(LogSourceSpec.container(NAME)));
                h.app.apply(new UiEvent.Key(new KeyStroke('3', false, false)));
                h.awaitLogLines(2);
                String screen = h.text();
                // U+009B (8-bit CSI, UTF-8 encoded) and its parameters are removed like ESC [.
                assertTrue(screen.contains("a␛b␛cRED⸮evil␍X"), screen);
                assertTrue(screen.contains("after"), screen);
                TerminalSize size = h.terminal.getTerminalSize();
                for (int r = 0; r < size.getRows(); r++) {
                    for (int c = 0; c < size.getColumns(); c++) {
                        String cell = h.terminal.getBufferCharacter(c, r).getCharacterString();
                        for (char ch : cell.toCharArray()) {
                            assertTrue(ch >= 0x20 && (ch < 0x7f || ch >= 0xa0) && ch != 0x202e,
                                    "control character U+" + Integer.toHexString(ch) + " at " + c + "," + r);
                        }
                    }
                }
                List<String> lines = h.lines();
                assertTrue(lines.get(0).startsWith(" edm-console "), "top bar in place: " + lines.get(0));
                assertTrue(lines.get(29).contains("10:00:00"), "status bar in place: " + lines.get(29));
                assertEquals(2, screen.split("\n", -1)[1].chars().filter(ch -> ch == '┌' || ch == '┐').count(),
                        "the frame is intact");
            }
        } finally {
            docker.removeContainerCmd(NAME).withForce(true).exec();
        }
    }
}
