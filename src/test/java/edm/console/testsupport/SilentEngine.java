package edm.console.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix socket that behaves like a hung (SIGSTOPed) Docker engine: it accepts every connection and
 * then never answers. With {@link Mode#STALL_BODY} it sends response headers and the first byte of a
 * body, then goes silent: an engine stopped in the middle of an answer.
 */
public final class SilentEngine implements AutoCloseable {
    /** What the engine does after accepting a connection. */
    public enum Mode { NEVER_ANSWER, STALL_BODY }

    private final Path socket;
    private final Mode mode;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;

    public SilentEngine(Path socket, Mode mode) throws IOException {
        this.socket = socket;
        this.mode = mode;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::acceptLoop, "silent-engine");
        t.setDaemon(true);
        t.start();
    }

    public String endpoint() {
        return "unix://" + socket;
    }

    /** Connections accepted so far (each one left without an answer). */
    public int connections() {
        return open.size();
    }

    private void acceptLoop() {
        try {
            while (server.isOpen()) {
                SocketChannel c = server.accept();
                open.add(c);
                if (mode == Mode.STALL_BODY) {
                    Thread t = new Thread(() -> stallBody(c), "silent-engine-conn");
                    t.setDaemon(true);
                    t.start();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void stallBody(SocketChannel c) {
        try {
            ByteBuffer in = ByteBuffer.allocate(8192);
            StringBuilder request = new StringBuilder();
            while (!request.toString().contains("\r\n\r\n") && c.read(in) >= 0) {
                in.flip();
                request.append(StandardCharsets.ISO_8859_1.decode(in));
                in.clear();
            }
            c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n[").getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            // the client gave up
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        Files.deleteIfExists(socket);
    }
}
