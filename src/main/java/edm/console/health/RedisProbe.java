package edm.console.health;

import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Redis PING and INFO over the Redis protocol (RESP), using REDIS_URL
 * ({@code redis://[user:password@]host:port}). Memory used against maxmemory (warning at 80 %,
 * critical at 95 %) and connected clients. No client library: four commands do not need one.
 */
public final class RedisProbe {
    private final Duration timeout;
    private final Clock clock;

    public RedisProbe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    public ProbeResult check(String id, String redisUrl) {
        Instant start = clock.now();
        long t0 = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        URI u;
        try {
            u = URI.create(redisUrl.trim());
            if (!"redis".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            return new ProbeResult(id, "redis", edm.console.core.Secrets.maskUrlPasswords(redisUrl), ProbeStatus.UNKNOWN,
                    "", Duration.ZERO, start, HealthText.t("health.redis.badUrl"), metrics);
        }
        String target = "redis://" + u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort());
        String user = "";
        String password = "";
        if (u.getRawUserInfo() != null) {
            String info = u.getRawUserInfo();
            int colon = info.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? "" : info.substring(0, colon), StandardCharsets.UTF_8);
            password = URLDecoder.decode(colon < 0 ? info : info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            if (!password.isEmpty()) {
                String r = user.isEmpty() ? command(out, in, "AUTH", password) : command(out, in, "AUTH", user, password);
                if (r.startsWith("-")) {
                    return failed(id, target, start, t0, HealthText.t("health.redis.authFailed", target), metrics);
                }
            }
            String pong = command(out, in, "PING");
            if (!"+PONG".equals(pong)) {
                return failed(id, target, start, t0, HealthText.t("health.redis.badReply", pong.replace(password, "******")), metrics);
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            Map<String, String> info = parseInfo(command(out, in, "INFO", "memory") + "\n" + command(out, in, "INFO", "clients"));
            long used = number(info.get("used_memory"));
            long max = number(info.get("maxmemory"));
            long clients = number(info.get("connected_clients"));
            metrics.put("up", 1.0);
            metrics.put("latencySeconds", latency.toNanos() / 1e9);
            metrics.put("memoryUsedBytes", (double) used);
            metrics.put("connectedClients", (double) clients);
            ProbeStatus status = ProbeStatus.OK;
            String error = "";
            String value;
            if (max > 0) {
                double pct = 100.0 * used / max;
                metrics.put("memoryPercent", pct);
                status = pct >= 95 ? ProbeStatus.CRITICAL : pct >= 80 ? ProbeStatus.WARNING : ProbeStatus.OK;
                error = status == ProbeStatus.OK ? "" : HealthText.t("health.redis.memoryHigh", String.format("%.1f", pct));
                value = HealthText.t("health.redis.valueMax", HealthText.bytes(used), HealthText.bytes(max), clients,
                        HealthText.millis(latency));
            } else {
                value = HealthText.t("health.redis.value", HealthText.bytes(used), clients, HealthText.millis(latency));
            }
            return new ProbeResult(id, "redis", target, status, value, latency, start, error, metrics);
        } catch (SocketTimeoutException e) {
            return failed(id, target, start, t0, HealthText.t("health.redis.timeout", timeout.toSeconds()), metrics);
        } catch (IOException e) {
            String m = HealthText.oneLine(e);
            return failed(id, target, start, t0, password.isEmpty() ? m : m.replace(password, "******"), metrics);
        }
    }

    private ProbeResult failed(String id, String target, Instant start, long t0, String error, Map<String, Double> metrics) {
        metrics.put("up", 0.0);
        return new ProbeResult(id, "redis", target, ProbeStatus.CRITICAL, HealthText.t("health.down"),
                Duration.ofNanos(System.nanoTime() - t0), start, error, metrics);
    }

    /** Sends one command as a RESP array and returns the reply: "+OK", "-ERR ...", ":1", or a bulk string's text. */
    static String command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = readLine(in);
        if (line.startsWith("$")) {
            int len = Integer.parseInt(line.substring(1));
            if (len < 0) {
                return "";
            }
            byte[] data = in.readNBytes(len + 2);
            return new String(data, 0, Math.min(len, data.length), StandardCharsets.UTF_8);
        }
        return line;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return b.toString();
            }
            b.append((char) c);
        }
        throw new EOFException("connection closed by the server");
    }

    static Map<String, String> parseInfo(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                out.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
