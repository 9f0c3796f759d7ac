package edm.console.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Client traffic at a fixed rate (requests are sent on schedule, not after the previous answer, so a slow
 * answer does not thin the load): counts requests, failures (no answer or not 200) and the longest time
 * between two good answers. Used by the blue-green ITs and bench/deploy.sh.
 */
public final class Traffic implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "traffic");
        t.setDaemon(true);
        return t;
    });
    private final URI url;
    private final List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
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
     * One answered request before the clock starts: the client's first request loads and links its classes
     * for most of a second, and a fixed-rate schedule then fires every missed request at once, a burst that
     * the sandbox's one-connection-at-a-time backend refuses (nginx: upstream connect timed out).
     */
    private void warmUp() {
        try {
            http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // The traffic itself will count what fails; this request only warmed the client.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send() {
        long t = System.nanoTime();
        requests++;
        CompletableFuture<?> f = http.sendAsync(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        good.add(new long[] {t, System.nanoTime()});
                    } else {
                        failures.add((e == null ? "HTTP " + r.statusCode() : reason(e)) + " at +"
                                + (t - started) / 1_000_000 + " ms");
                    }
                    return null;
                });
        inFlight.add(f);
    }

    /** The client's own failure, not the future's wrapper around it. */
    private static String reason(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** Stops sending and waits for the answers of what was sent. */
    @Override
    public void close() {
        timer.shutdownNow();
        stopped = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
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
