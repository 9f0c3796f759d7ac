package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: which backups survive, for a given set, policy and "now". Times are UTC; 2025-01-06 is a Monday. */
class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");

    /** "2025-01-31T03:00" → a good backup with that id; a trailing "v" marks it verified. */
    static BackupRecord rec(String spec) {
        boolean verified = spec.endsWith("v");
        String t = verified ? spec.substring(0, spec.length() - 1) : spec;
        Instant created = Instant.parse(t + ":00Z");
        BackupManifest m = new BackupManifest(1, t, BackupKind.DATABASE, created, 10, "x", false, "", "", null,
                verified ? Verification.passed(created.plusSeconds(60), 812, 7, 7, 10, List.of(), List.of()) : null, 0, List.of(new BackupManifest.Part(t, "dump", 10, "x", 10)), null);
        return new BackupRecord(m, Path.of("/tmp"), null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty", 3, 2, List.of(), Set.of()),
                Arguments.of("one per day, keep 3 daily and 1 weekly",
                        3, 1, List.of("2025-01-31T03:00", "2025-01-30T03:00", "2025-01-29T03:00", "2025-01-28T03:00", "2025-01-27T03:00"),
                        Set.of("2025-01-31T03:00", "2025-01-30T03:00", "2025-01-29T03:00")),
                Arguments.of("several a day: only the newest of each day counts",
                        2, 1, List.of("2025-01-31T23:00", "2025-01-31T03:00", "2025-01-30T22:00", "2025-01-30T01:00"),
                        Set.of("2025-01-31T23:00", "2025-01-30T22:00")),
                Arguments.of("weekly keeps the newest of older ISO weeks",
                        1, 3, List.of("2025-01-31T03:00", "2025-01-26T03:00", "2025-01-24T03:00", "2025-01-19T03:00", "2025-01-12T03:00",
                                "2025-01-05T03:00"),
                        // weeks: W05 (01-31), W04 (01-26 Sun, newest of W04), W03 (01-19 Sun)
                        Set.of("2025-01-31T03:00", "2025-01-26T03:00", "2025-01-19T03:00")),
                Arguments.of("a gap does not use up the allowance (backups stopped 40 days ago)",
                        2, 1, List.of("2024-12-20T03:00", "2024-12-19T03:00", "2024-12-18T03:00"),
                        Set.of("2024-12-20T03:00", "2024-12-19T03:00")),
                Arguments.of("the newest verified backup is never deleted",
                        1, 1, List.of("2025-01-31T03:00", "2025-01-30T03:00", "2025-01-10T03:00v", "2025-01-09T03:00v"),
                        Set.of("2025-01-31T03:00", "2025-01-10T03:00v")),
                Arguments.of("a backup dated after now (clock skew) is kept",
                        1, 1, List.of("2025-02-03T03:00", "2025-01-31T03:00", "2025-01-30T03:00"),
                        Set.of("2025-02-03T03:00", "2025-01-31T03:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsExactlyTheRightSet(String name, int daily, int weekly, List<String> backups, Set<String> expectedKept) {
        List<BackupRecord> records = new ArrayList<>();
        backups.forEach(b -> records.add(rec(b)));
        RetentionPolicy.Plan plan = new RetentionPolicy(daily, weekly, ZoneOffset.UTC).plan(records, NOW);
        Set<String> expectedIds = expectedKept.stream().map(s -> s.endsWith("v") ? s.substring(0, s.length() - 1) : s)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedIds, new TreeSet<>(plan.keep().keySet()), name);
        Set<String> deleted = plan.delete().stream().map(BackupRecord::id).collect(Collectors.toSet());
        assertEquals(backups.size(), deleted.size() + plan.keep().size(), "every backup is either kept or deleted");
        deleted.forEach(d -> assertTrue(!plan.keep().containsKey(d)));
    }

    @ParameterizedTest(name = "leftover modified {0} h ago is stale: {1}")
    @MethodSource("leftovers")
    void onlyOldLeftoversArePruned(long hoursAgo, boolean stale) {
        var l = new BackupCatalogue.Leftover(Path.of("/tmp/.x.partial"), NOW.minus(Duration.ofHours(hoursAgo)), 5);
        assertEquals(stale ? 1 : 0, RetentionPolicy.staleLeftovers(List.of(l), NOW).size());
    }

    static Stream<Arguments> leftovers() {
        return Stream.of(Arguments.of(1L, false), Arguments.of(5L, false), Arguments.of(7L, true), Arguments.of(100L, true));
    }
}
