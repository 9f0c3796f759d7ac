package edm.console.sandbox;

import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the sandbox database with an EDM-shaped schema and about 250,000 deterministic rows
 * ({@code sandbox/postgres/seed.sql}), so that backups, verify and restore drills compare real data.
 * The script runs server-side (psql inside the postgres container, rows from generate_series): seconds,
 * not the minutes that row-by-row inserts from here would take. It is idempotent through its marker
 * table: the same {@link #VERSION} again touches nothing; a missing or older marker reseeds.
 */
final class SandboxSeed {
    /** Bump whenever seed.sql changes what it creates: sandboxes seeded by an older version are reseeded. */
    static final int VERSION = 1;
    static final String SCRIPT = "postgres/seed.sql";
    /** Seconds on an idle machine, under a minute on a loaded one; past this something is stuck. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern RESULT = Pattern.compile("edm-seed: (present|created) (\\d+) (\\d+)");

    /** What the script reported: whether it seeded now, the marker's version and the seeded row count. */
    record Outcome(boolean created, int version, long rows) {
    }

    private final ContainerGateway gateway;
    private final Consumer<String> progress;

    SandboxSeed(ContainerGateway gateway, Consumer<String> progress) {
        this.gateway = gateway;
        this.progress = progress;
    }

    /** Seeds unless the current version is there; throws {@link SandboxException} with psql's reason. */
    Outcome ensure() {
        String container = SandboxSpec.require("postgres").containerName();
        byte[] script;
        try {
            script = SandboxImages.resource(SCRIPT).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.seed", SandboxSpec.DB_NAME, e.getMessage());
        }
        progress.accept(Messages.t("sandbox.progress.seedCheck", SandboxSpec.DB_NAME));
        long t0 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long code;
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        // The exec stream has no response timeout (the seed takes seconds to a minute); this bounds it.
        Consumer<Runnable> deadline = stop -> CompletableFuture.delayedExecutor(TIMEOUT.toSeconds(), TimeUnit.SECONDS).execute(() -> {
            if (!finished.get()) {
                timedOut.set(true);
                stop.run();
            }
        });
        try {
            code = gateway.exec(container, command(), List.of(), new ByteArrayInputStream(script), script.length, out, err, deadline);
        } catch (EngineException e) {
            throw new SandboxException("sandbox.error.seed", SandboxSpec.DB_NAME, e.getMessage());
        } finally {
            finished.set(true);
        }
        if (timedOut.get()) {
            throw new SandboxException("sandbox.error.seed", SandboxSpec.DB_NAME, "no result within " + TIMEOUT.toMinutes() + " min");
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        Optional<Outcome> outcome = parse(stdout);
        if (code != 0 || outcome.isEmpty()) {
            String reason = err.toString(StandardCharsets.UTF_8).strip();
            throw new SandboxException("sandbox.error.seed", SandboxSpec.DB_NAME,
                    "psql exit " + code + ": " + Sandbox.oneLine(new IOException(reason.isEmpty() ? stdout.strip() : reason)));
        }
        Outcome o = outcome.get();
        if (o.created()) {
            progress.accept(Messages.t("sandbox.progress.seeded", SandboxSpec.DB_NAME, o.rows(), o.version(),
                    seconds(Duration.ofNanos(System.nanoTime() - t0))));
        } else {
            progress.accept(Messages.t("sandbox.progress.seedPresent", SandboxSpec.DB_NAME, o.version(), o.rows()));
        }
        return o;
    }

    /** psql over the container's local socket (trust auth inside the container), the script on stdin. */
    static List<String> command() {
        return List.of("psql", "-X", "-q", "-U", SandboxSpec.DB_USER, "-d", SandboxSpec.DB_NAME,
                "-v", "seed_version=" + VERSION, "-f", "-");
    }

    /** The script's last "edm-seed: ..." line. */
    static Optional<Outcome> parse(String stdout) {
        Outcome last = null;
        for (String line : stdout.split("\n")) {
            Matcher m = RESULT.matcher(line.strip());
            if (m.matches()) {
                last = new Outcome(m.group(1).equals("created"), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
            }
        }
        return Optional.ofNullable(last);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
