package edm.console.checklist;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import edm.console.security.SecurityReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the automatic check an item is bound to. The probe results (containers, host, network probes)
 * come from one collection shared by all items of a run, so a checklist costs about one probe timeout.
 */
public final class AutomaticChecks {
    private final Memo probes;
    private final BackupEvidence backups;
    private final LogErrorEvidence logErrors;
    private final SecurityMemo security;
    private final ConsoleConfig config;
    private final Clock clock;

    /**
     * @param probes called at most once (memoised here); the collection of every probe of the config
     */
    public AutomaticChecks(Supplier<List<ProbeResult>> probes, BackupEvidence backups, LogErrorEvidence logErrors,
                           ConsoleConfig config, Clock clock) {
        this(probes, backups, logErrors, SecurityEvidence.NOT_AVAILABLE, config, clock);
    }

    /** @param security run at most once per run (memoised here): the security items share one report */
    public AutomaticChecks(Supplier<List<ProbeResult>> probes, BackupEvidence backups, LogErrorEvidence logErrors,
                           SecurityEvidence security, ConsoleConfig config, Clock clock) {
        this.security = new SecurityMemo(security == null ? SecurityEvidence.NOT_AVAILABLE : security);
        this.probes = new Memo(probes);
        this.backups = backups == null ? BackupEvidence.NOT_AVAILABLE : backups;
        this.logErrors = logErrors == null ? LogErrorEvidence.NOT_AVAILABLE : logErrors;
        this.config = config;
        this.clock = clock;
    }

    public ItemResult run(Checklist.Item item) {
        return switch (item.check()) {
            case CONTAINERS -> fromProbes(item, Set.of("container", "docker"));
            case POSTGRES -> fromProbes(item, Set.of("postgres"));
            case REDIS -> fromProbes(item, Set.of("redis"));
            case DEPENDENCIES -> fromProbes(item, Set.of("postgres", "redis"));
            case HTTP -> fromProbes(item, Set.of("http"));
            case DISK -> fromProbes(item, Set.of("disk"));
            case RESOURCES -> fromProbes(item, Set.of("memory", "swap", "load"));
            case BACKUP -> backup(item);
            case LOG_ERRORS -> logErrors(item);
            case PATCHES -> security(item, "patches");
            case SECURITY -> security(item, "");
        };
    }

    private ItemResult fromProbes(Checklist.Item item, Set<String> kinds) {
        List<ProbeResult> matching = probes.get().stream().filter(r -> kinds.contains(r.kind())).toList();
        if (matching.isEmpty()) {
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.noProbe", String.join(", ", kinds.stream().sorted().toList())),
                    List.of());
        }
        ProbeStatus worst = ProbeStatus.OK;
        List<String> details = new ArrayList<>();
        for (ProbeResult r : matching) {
            worst = worst.worse(r.status());
            String line = r.target() + ": " + r.status() + (r.value().isEmpty() ? "" : " " + r.value())
                    + (r.error().isEmpty() ? "" : " (" + r.error() + ")");
            details.add(line);
        }
        long bad = matching.stream().filter(r -> !r.ok()).count();
        Outcome outcome = switch (worst) {
            case OK -> Outcome.PASS;
            case WARNING -> Outcome.WARN;
            case CRITICAL -> Outcome.FAIL;
            case UNKNOWN -> Outcome.UNKNOWN;
        };
        String value = bad == 0 ? Messages.t("checklist.evidence.allOk", matching.size())
                : Messages.t("checklist.evidence.someBad", bad, matching.size(), firstProblem(matching));
        ItemResult r = result(item, outcome, value, details);
        return new ItemResult(r.item(), r.outcome(), r.value(), r.details(), r.note(), r.at(), failingContainers(matching));
    }

    /** Containers behind the failing probes: container probes name theirs; a database or cache probe means its service. */
    private List<String> failingContainers(List<ProbeResult> matching) {
        List<String> out = new ArrayList<>();
        for (ProbeResult r : matching) {
            if (r.ok()) {
                continue;
            }
            if ("container".equals(r.kind())) {
                out.add(r.target());
            } else {
                config.service(r.kind()).map(config::containerName).ifPresent(out::add);
            }
        }
        return out.stream().distinct().toList();
    }

    private static String firstProblem(List<ProbeResult> rs) {
        return rs.stream().filter(r -> !r.ok()).findFirst()
                .map(r -> r.target() + (r.error().isEmpty() ? " " + r.value() : " " + r.error())).orElse("");
    }

    /**
     * The newest complete database backup decides: it must have passed verification and be fresh; an
     * unencrypted one is a warning with the fix. The same record and findings as the Backups panel.
     */
    private ItemResult backup(Checklist.Item item) {
        double maxHours = param(item, "maxAgeHours", config.backups.databaseMaxAgeHours);
        Optional<BackupEvidence.NewestBackup> found;
        try {
            found = backups.newestDatabaseBackup();
        } catch (UnsupportedOperationException e) {
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.notAvailable"), List.of());
        } catch (Exception e) {
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.failed", oneLine(e)), List.of());
        }
        if (found.isEmpty()) {
            return result(item, Outcome.FAIL, Messages.t("checklist.evidence.noBackup"), List.of());
        }
        BackupEvidence.NewestBackup b = found.get();
        switch (b.verified()) {
            case NEVER -> {
                return result(item, Outcome.FAIL, Messages.t("checklist.evidence.backupUnverified", b.id()), List.of());
            }
            case FAILED -> {
                return result(item, Outcome.FAIL, Messages.t("checklist.evidence.backupVerifyFailed", b.id(), b.verification()), List.of());
            }
            default -> {
            }
        }
        List<String> details = List.of(b.id() + ": " + b.verification());
        Duration age = Duration.between(b.created(), clock.now());
        String hours = String.format("%.1f", age.toMinutes() / 60.0);
        if (age.toMinutes() > maxHours * 60) {
            return result(item, Outcome.FAIL, Messages.t("checklist.evidence.backupOld", b.created().toString(), hours, fmt(maxHours)), details);
        }
        if (!b.encrypted()) {
            return result(item, Outcome.WARN, Messages.t("checklist.evidence.backupUnencrypted", b.created().toString(), hours,
                    Messages.t("backup.fix.unencrypted")), details);
        }
        return result(item, Outcome.PASS, Messages.t("checklist.evidence.backupFresh", b.created().toString(), hours, fmt(maxHours)), details);
    }

    private ItemResult logErrors(Checklist.Item item) {
        double hours = param(item, "hours", 24);
        return judged(item, () -> logErrors.errorsSince(Duration.ofMinutes(Math.round(hours * 60))), counts -> {
            long total = counts.stream().mapToLong(LogErrorEvidence.SourceErrors::errors).sum();
            List<String> details = counts.stream().filter(c -> c.errors() > 0).map(c -> c.source() + ": " + c.errors()).toList();
            return result(item, total == 0 ? Outcome.PASS : Outcome.WARN, Messages.t("checklist.evidence.logErrors", total, fmt(hours)),
                    details);
        });
    }

    /** Evidence that takes a while to gather (logs, the security rules): what it may throw is UNKNOWN with why. */
    private interface Slow<T> {
        T get() throws Exception;
    }

    private <T> ItemResult judged(Checklist.Item item, Slow<T> evidence, Function<T, ItemResult> judge) {
        T value;
        try {
            value = evidence.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.failed", "interrupted"), List.of());
        } catch (UnsupportedOperationException e) {
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.notAvailable"), List.of());
        } catch (Exception e) {
            return result(item, Outcome.UNKNOWN, Messages.t("checklist.evidence.failed", oneLine(e)), List.of());
        }
        return judge.apply(value);
    }

    private ItemResult security(Checklist.Item item, String rule) {
        return judged(item, security::get, report -> {
            SecurityItems.Verdict v = SecurityItems.judge(report, rule);
            return result(item, v.outcome(), v.value(), v.details());
        });
    }

    private static double param(Checklist.Item item, String name, double fallback) {
        String v = item.params().get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().lines().findFirst().orElse("");
    }

    private ItemResult result(Checklist.Item item, Outcome o, String value, List<String> details) {
        return new ItemResult(item, o, Secrets.maskUrlPasswords(value), details.stream().map(Secrets::maskUrlPasswords).toList(), "",
                clock.now());
    }

    /** Forgets the collected probe results, so that the next check collects afresh (a re-check after a fix). */
    public void refresh() {
        probes.clear();
        security.clear();
    }

    /** The security report, made on first use and shared by the security items of a run. */
    private static final class SecurityMemo {
        private final SecurityEvidence source;
        private SecurityReport value;

        SecurityMemo(SecurityEvidence source) {
            this.source = source;
        }

        synchronized SecurityReport get() throws Exception {
            if (value == null) {
                value = source.report();
            }
            return value;
        }

        synchronized void clear() {
            value = null;
        }
    }

    /** The probe collection, done on first use and shared by the items of a run. */
    private static final class Memo {
        private final Supplier<List<ProbeResult>> source;
        private List<ProbeResult> value;

        Memo(Supplier<List<ProbeResult>> source) {
            this.source = source;
        }

        synchronized List<ProbeResult> get() {
            if (value == null) {
                value = List.copyOf(source.get());
            }
            return value;
        }

        synchronized void clear() {
            value = null;
        }
    }
}
