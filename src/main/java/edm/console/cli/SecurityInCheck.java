package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.ContainerCommands;
import edm.console.security.ContainerFacts;
import edm.console.security.Finding;
import edm.console.security.ImageSource;
import edm.console.security.SecurityContext;
import edm.console.security.SecurityReport;
import edm.console.security.SecurityRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The critical security findings as probes of {@code check}: a password-open sshd or a world-readable env
 * file is as urgent as a container down. Warnings stay with {@code edm-console security}; accepted risks never count.
 */
final class SecurityInCheck {
    private SecurityInCheck() {
    }

    static List<ProbeResult> critical(ConsoleConfig config, ContainersSnapshot containers, Clock clock) {
        ContainerFacts.Listing listing = containers.engine().connected()
                ? SecurityContainers.fromList(containers.containers()) : ContainerFacts.Listing.unavailable("engine down");
        Instant now = clock.now();
        try {
            SecurityReport report = SecurityRules.forCheck().run(SecurityContext.from(config, () -> listing, ContainerCommands.NONE, ImageSource.NONE, clock).forCheck());
            return report.findings().stream().filter(f -> f.counted() == ProbeStatus.CRITICAL).map(f -> probe(f, now)).toList();
        } catch (RuntimeException e) {
            // The rules catch their own failures; this is the context itself. check must still report the rest.
            return List.of(new ProbeResult("security", Messages.t("security.check.kind"), "security", ProbeStatus.UNKNOWN, "",
                    Duration.ZERO, now, Messages.t("security.ruleFailed", String.valueOf(e.getMessage())), Map.of()));
        }
    }

    private static ProbeResult probe(Finding f, Instant now) {
        return new ProbeResult("security." + f.rule(), Messages.t("security.check.kind"), SecurityText.safe(f.title()), ProbeStatus.CRITICAL,
                SecurityText.safe(f.evidence()), Duration.ZERO, now, SecurityText.safe(f.fix()), Map.of());
    }
}
