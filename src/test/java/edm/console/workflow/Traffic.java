package edm.console.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Client traffic at a fixed rate (requests are sent on schedule, not after the previous answer, so a slow
 * answer does not thin the load): counts requests, failures (no answer or not 200) and the longest time
 * between two good answers. Used by the blue-green ITs and bench/deploy.sh.
 *
 * <p>Each request is its own connection ({@code Connection: close}, as {@code ab} without {@code -k} or curl in a
 * loop): what is measured is the service behind nginx. A keep-alive client also meets HTTP/1.1's idle-connection
 * race at every {@code nginx -s reload} (an old worker closes its idle connections as a request is sent on one),
 * which browsers answer by retrying and which is nginx's, not the deploy's.
 */
public final class Traffic implements AutoCloseable {
    private static final int CONNECT_MILLIS = 2000;
    private static final int ANSWER_MILLIS = 3000;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "traffic");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "traffic-request");
        t.setDaemon(true);
        return t;
    });
    private final URI url;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> good = Collections.synchronizedList(new ArrayList<>());
    private volatile int requests;
    private final long started = System.nanoTime();
    private long stopped;

    /** Starts {@code perSecond} GETs a second of {@code url}. */
    public Traffic(String url, int perSecond) {
        this.url = URI.create(url);
        warmUp();
        long period = 1_000_000 / perSecond;
        timer.scheduleAtFixedRate(this::send, 0, period, TimeUnit.MICROSECONDS);
    }

    /**
     * One answered request before the clock starts: the first request loads and links the client's classes, and a
     * fixed-rate schedule would then fire every request it missed at once.
     */
    private void warmUp() {
        try {
            get();
        } catch (IOException e) {
            // The traffic itself will count what fails; this request only warmed the client.
        }
    }

    private void send() {
        long t = System.nanoTime();
        requests++;
        senders.execute(() -> {
            try {
                int status = get();
                if (status == 200) {
                    good.add(new long[] {t, System.nanoTime()});
                } else {
                    failures.add("HTTP " + status + " at +" + (t - started) / 1_000_000 + " ms");
                }
            } catch (IOException e) {
                failures.add(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " at +"
                        + (t - started) / 1_000_000 + " ms");
            }
        });
    }

    /** One GET on a connection of its own; the status of a whole answer (read to its end), or why there was none. */
    private int get() throws IOException {
        int port = url.getPort() < 0 ? 80 : url.getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.getHost(), port), CONNECT_MILLIS);
            s.setSoTimeout(ANSWER_MILLIS);
            OutputStream out = s.getOutputStream();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\nUser-Agent: edm-traffic\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null) {
                throw new IOException("connection closed before an answer");
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            char[] rest = new char[4096];
            while (in.read(rest) >= 0) {
                // An answer counts only when it arrived whole: read it to the close.
            }
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + status);
            }
        }
    }

    /** Stops sending and waits for the answers of what was sent. */
    @Override
    public void close() {
        timer.shutdownNow();
        stopped = System.nanoTime();
        senders.shutdown();
        try {
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int requests() {
        return requests;
    }

    public int failed() {
        return failures.size();
    }

    /** The first failures, with when they were sent (for an assertion message). */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures.subList(0, Math.min(10, failures.size())));
        }
    }

    /** The longest time without a good answer (by when the answered requests were sent), from start to stop. */
    public long longestGapMillis() {
        List<Long> sent;
        synchronized (good) {
            sent = good.stream().map(g -> g[0]).sorted().toList();
        }
        long last = started;
        long gap = 0;
        for (long s : sent) {
            gap = Math.max(gap, s - last);
            last = s;
        }
        gap = Math.max(gap, (stopped == 0 ? System.nanoTime() : stopped) - last);
        return gap / 1_000_000;
    }

    @Override
    public String toString() {
        return requests + " requests, " + failed() + " failed " + failures() + ", longest gap " + longestGapMillis() + " ms";
    }
}
