package edm.console.docker;

import edm.console.core.Background;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.0 GETs to the engine over the JDK's own {@link SocketChannel}: the unix socket, or plain tcp://.
 * <p>
 * Why HTTP/1.0: the engine then answers with a plain body and closes the connection at its end (no chunks,
 * no keep-alive to manage), which is also how a stream (events, followed logs) is read: until the engine or
 * the console closes it. Why a channel closed by a timer rather than a socket timeout: a unix socket ignores
 * its read timeout, and a SIGSTOPped dockerd accepts connections (the kernel's backlog) and then never answers;
 * closing the channel from the console's timer ({@link Background#onTimer}) ends any blocked connect, write or
 * read at once, on either kind of socket, without interrupting the caller's thread.
 */
final class EngineHttp {
    /** A list of 300 containers is about half a megabyte; anything far larger is not an engine's answer. */
    static final int MAX_BYTES = 32 << 20;
    /** Response headers larger than this are not an engine's. */
    private static final int MAX_HEAD = 64 << 10;
    private static final Background TIMER = Background.shared();

    private final SocketAddress address;

    private EngineHttp(SocketAddress address) {
        this.address = address;
    }

    /**
     * The client for an endpoint this class can serve: {@code unix://PATH}, or {@code tcp://HOST:PORT} when the
     * environment asks for no TLS. Empty for anything else (TLS, npipe, ssh), which docker-java serves.
     */
    static Optional<EngineHttp> forEndpoint(String endpoint, Map<String, String> env) {
        if (endpoint.startsWith("unix://")) {
            return Optional.of(new EngineHttp(UnixDomainSocketAddress.of(endpoint.substring("unix://".length()))));
        }
        if (endpoint.startsWith("tcp://") && !tlsAsked(env) && !contextWithTls(endpoint)) {
            try {
                URI uri = URI.create(endpoint);
                if (uri.getHost() != null && uri.getPort() > 0 && (uri.getPath() == null || uri.getPath().isEmpty()
                        || uri.getPath().equals("/"))) {
                    return Optional.of(new EngineHttp(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort())));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** DOCKER_TLS_VERIFY set (to anything but empty or 0) or a DOCKER_CERT_PATH: the engine speaks TLS there. */
    private static boolean tlsAsked(Map<String, String> env) {
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        String certs = env.getOrDefault("DOCKER_CERT_PATH", "");
        return !(verify.isEmpty() || verify.equals("0")) || !certs.isEmpty();
    }

    /** The endpoint came from a docker context with TLS files: the engine speaks TLS there (docker-java's to handle). */
    private static boolean contextWithTls(String endpoint) {
        EngineEndpoint.Target context = EngineEndpoint.contextOf(endpoint);
        return context != null && context.tlsDir() != null;
    }

    /** The engine answered with another status than 200; {@code message} is the engine's own text when it gave one. */
    static final class StatusException extends IOException {
        private final int status;

        StatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * The body of a 200 answer to {@code GET path}, at most {@code maxBytes}, all of it within {@code deadline}.
     *
     * @throws EngineNotAnsweringException when the deadline passed first
     * @throws StatusException             for another status (the engine's message as the exception's)
     */
    byte[] get(String path, Duration deadline, int maxBytes) throws IOException {
        SocketChannel ch = SocketChannel.open(address instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
        Cutoff cutoff = new Cutoff(ch, deadline);
        try (ch) {
            Head head = request(ch, path);
            ByteArrayOutputStream all = new ByteArrayOutputStream(Math.max(1024, head.rest.remaining() + 4096));
            all.write(head.rest.array(), head.rest.arrayOffset() + head.rest.position(), head.rest.remaining());
            ByteBuffer buf = ByteBuffer.allocate(32 << 10);
            while (ch.read(buf) >= 0) {
                all.write(buf.array(), 0, buf.position());
                buf.clear();
                if (all.size() > maxBytes) {
                    throw new IOException("GET " + shortPath(path) + ": answer larger than " + (maxBytes >> 10) + " KiB");
                }
            }
            byte[] body = all.toByteArray();
            head.check(body);
            return body;
        } catch (IOException e) {
            if (cutoff.fired()) {
                throw new EngineNotAnsweringException(deadline, e);
            }
            throw e;
        } finally {
            cutoff.disarm();
        }
    }

    /**
     * A stream: {@link #begin} sends the request and waits for the headers, then {@link #body()} reads until the
     * engine ends the stream or someone calls {@link #close()} (from any thread, at any point, also during begin).
     */
    final class Stream implements Closeable {
        private final String path;
        private final SocketChannel channel;
        private final AtomicBoolean closed = new AtomicBoolean();
        private InputStream body;

        private Stream(String path) throws IOException {
            this.path = path;
            this.channel = SocketChannel.open(address instanceof UnixDomainSocketAddress
                    ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
        }

        /** The 200 status and headers must come within {@code headers}; after that the body may be silent for ever. */
        Stream begin(Duration headers) throws IOException {
            Cutoff cutoff = new Cutoff(channel, headers);
            try {
                Head head = request(channel, path);
                if (head.status != 200) {
                    byte[] error = new byte[Math.min(head.rest.remaining(), 4096)];
                    head.rest.get(error);
                    head.check(error);
                }
                if (head.chunked) {
                    head.check(new byte[0]);
                }
                if (!cutoff.disarm()) {
                    throw new EngineNotAnsweringException(headers, null);
                }
                body = bodyStream(head.rest);
                return this;
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel); // not close(): the stream ended by itself, not by its owner
                if (cutoff.fired() && !(e instanceof EngineNotAnsweringException)) {
                    throw new EngineNotAnsweringException(headers, e);
                }
                throw e;
            } finally {
                cutoff.disarm();
            }
        }

        private InputStream bodyStream(ByteBuffer rest) {
            InputStream fromChannel = Channels.newInputStream(channel);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (rest.hasRemaining()) {
                        int n = Math.min(len, rest.remaining());
                        rest.get(b, off, n);
                        return n;
                    }
                    return fromChannel.read(b, off, len);
                }
            };
        }

        InputStream body() {
            return body;
        }

        /** Whether {@link #close()} ended the stream (rather than the engine). */
        boolean closedHere() {
            return closed.get();
        }

        @Override
        public void close() {
            closed.set(true);
            closeQuietly(channel);
        }
    }

    /** A stream for {@code GET path}, not begun yet. */
    Stream stream(String path) throws IOException {
        return new Stream(path);
    }

    /** Sends the request and reads up to the end of the response headers. */
    private Head request(SocketChannel ch, String path) throws IOException {
        ch.connect(address instanceof InetSocketAddress inet && inet.isUnresolved()
                ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : address);
        ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: edm-console\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buf = ByteBuffer.allocate(16 << 10);
        while (true) {
            int end = headEnd(buf.array(), buf.position());
            if (end >= 0) {
                String head = new String(buf.array(), 0, end, StandardCharsets.ISO_8859_1);
                buf.flip();
                buf.position(end + 4);
                return Head.parse(path, head, buf.slice());
            }
            if (!buf.hasRemaining()) {
                if (buf.capacity() >= MAX_HEAD) {
                    throw new IOException("GET " + shortPath(path) + ": response headers too large");
                }
                ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            if (ch.read(buf) < 0) {
                throw new IOException("GET " + shortPath(path) + ": incomplete answer");
            }
        }
    }

    private static int headEnd(byte[] b, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A response's status line and headers, and the body bytes read with them. */
    private record Head(String path, int status, String statusLine, boolean chunked, ByteBuffer rest) {
        static Head parse(String path, String head, ByteBuffer rest) throws IOException {
            String statusLine = head.lines().findFirst().orElse("");
            if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                throw new IOException("GET " + shortPath(path) + ": not an HTTP answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("\ntransfer-encoding:");
            return new Head(path, status, statusLine, chunked, rest);
        }

        /** Throws unless this is a 200 answer in a plain body; the error's text is the engine's message. */
        void check(byte[] body) throws IOException {
            if (status != 200) {
                throw new StatusException(status, engineMessage(body, statusLine));
            }
            if (chunked) {
                throw new IOException("GET " + shortPath(path) + ": unexpected transfer encoding");
            }
        }
    }

    /** The engine's {"message": "..."} for an error, else the status line. */
    private static String engineMessage(byte[] body, String statusLine) {
        try {
            if (EngineJson.parse(body) instanceof Map<?, ?> m && m.get("message") instanceof String s && !s.isBlank()) {
                return s;
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status line says enough
        }
        return statusLine;
    }

    /** The path without its query, for messages (a filter's JSON says nothing to an operator). */
    static String shortPath(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Closes the channel when the deadline passes: that ends whatever is blocked on it. */
    private static final class Cutoff {
        private final SocketChannel channel;
        private final ScheduledFuture<?> pending;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();

        Cutoff(SocketChannel channel, Duration deadline) {
            this.channel = channel;
            this.pending = TIMER.onTimer(this::fire, Math.max(1, deadline.toMillis()));
        }

        private void fire() {
            if (done.compareAndSet(false, true)) {
                fired.set(true);
                closeQuietly(channel);
            }
        }

        /** Disarms; false when the deadline had already passed (and closed the channel). */
        boolean disarm() {
            if (done.compareAndSet(false, true)) {
                pending.cancel(false);
                return true;
            }
            return !fired.get();
        }

        boolean fired() {
            return fired.get();
        }
    }

    static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing is how a deadline or a caller ends the read; nothing else to do.
        }
    }
}
