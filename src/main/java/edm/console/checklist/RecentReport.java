package edm.console.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.config.ConsoleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A saved checklist run recent enough to stand for "the operator went through this list just now":
 * the deploy gate accepts a pre-deploy run from the last hour whose required items were all satisfied,
 * so a walk in the TUI (or `checklist run pre-deploy`) lets a later `deploy --yes` or `D` proceed.
 */
public final class RecentReport {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecentReport() {
    }

    /** The newest report of this checklist, when it is younger than maxAge and had no required failure. */
    public static Optional<Path> satisfied(ConsoleConfig config, String checklist, Duration maxAge, Instant now) {
        Path dir = Checklists.reportDirectory(config);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.reverseOrder())
                    .filter(p -> qualifies(p, checklist, maxAge, now))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean qualifies(Path p, String checklist, Duration maxAge, Instant now) {
        try {
            JsonNode j = JSON.readTree(p.toFile());
            Instant started = Instant.parse(j.path("started").asText(""));
            return checklist.equals(j.path("checklist").asText()) && j.path("requiredFailures").isArray()
                    && j.path("requiredFailures").isEmpty() && !started.isBefore(now.minus(maxAge)) && !started.isAfter(now);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
