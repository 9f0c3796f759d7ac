package edm.console.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix-socket proxy in front of the Docker socket. Closing it makes "the engine" vanish for a client
 * pointed at it (connections cut, socket file gone) without touching the real daemon that other tests
 * use; starting it again brings the engine back.
 */
public final class SocketProxy implements AutoCloseable {
    private final Path socket;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private ServerSocketChannel server;

    public SocketProxy(Path socket, Path target) {
        this.socket = socket;
        this.target = target;
    }

    public String endpoint() {
        return "unix://" + socket;
    }

    public synchronized SocketProxy start() throws IOException {
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        ServerSocketChannel s = server;
        Thread t = new Thread(() -> acceptLoop(s), "socket-proxy");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private void acceptLoop(ServerSocketChannel s) {
        try {
            while (s.isOpen()) {
                SocketChannel client = s.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
        } catch (IOException e) {
            // closed: the proxy is stopping
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(16384);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "socket-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Cuts every connection and removes the socket: the engine is gone. */
    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (SocketChannel c : open) {
            closeQuietly(c);
        }
        open.clear();
        Files.deleteIfExists(socket);
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
