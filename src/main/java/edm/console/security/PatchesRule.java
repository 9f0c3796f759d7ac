package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC-006 定期更新系统补丁, without changing anything: pending security updates from apt's simulation,
 * a pending reboot, and the days since the last upgrade in apt's history (else dpkg's log).
 */
final class PatchesRule implements Rule {
    /** {@code Inst libssl3 [3.0.2-0ubuntu1.10] (3.0.2-0ubuntu1.12 Ubuntu:22.04/jammy-security [amd64])}. */
    private static final Pattern INST = Pattern.compile("Inst (\\S+) .*\\((.*)\\).*");
    private static final Pattern HISTORY_START = Pattern.compile("Start-Date: (\\d{4}-\\d{2}-\\d{2}).*");
    private static final Pattern DPKG_UPGRADE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\S+ upgrade .*");
    /** How many package names a finding lists; the count says the rest. */
    private static final int SHOWN = 5;

    @Override
    public String id() {
        return "patches";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        return List.of(pending(ctx), reboot(ctx), lastUpgrade(ctx));
    }

    private static Finding pending(SecurityContext ctx) {
        String title = Messages.t("security.title.patches.pending");
        HostCommands.Output o = ctx.commands().run(List.of("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade"));
        if (!o.ok()) {
            return Finding.of("patches.pending", ProbeStatus.UNKNOWN, title, Messages.t("security.patches.noApt",
                    o.problem().isEmpty() ? "exit " + o.exitCode() : o.problem()), "");
        }
        List<String> security = new ArrayList<>();
        int all = 0;
        for (String line : o.stdout().lines().toList()) {
            Matcher m = INST.matcher(line);
            if (m.matches()) {
                all++;
                if (m.group(2).contains("-security") || m.group(2).contains("Debian-Security")) {
                    security.add(m.group(1));
                }
            }
        }
        if (security.isEmpty()) {
            return Finding.ok("patches.pending", title, Messages.t("security.patches.none", all));
        }
        String names = String.join(", ", security.subList(0, Math.min(SHOWN, security.size())))
                + (security.size() > SHOWN ? ", ..." : "");
        return Finding.of("patches.pending", ProbeStatus.WARNING, title, Messages.t("security.patches.pending", security.size(), names),
                Messages.t("security.fix.patches.pending"));
    }

    private static Finding reboot(SecurityContext ctx) {
        String title = Messages.t("security.title.patches.reboot");
        Path flag = ctx.host("/var/run/reboot-required");
        if (!Files.exists(flag)) {
            return Finding.ok("patches.reboot", title, Messages.t("security.patches.noReboot", flag));
        }
        String pkgs = "";
        try {
            Path list = ctx.host("/var/run/reboot-required.pkgs");
            if (Files.isReadable(list)) {
                pkgs = String.join(", ", Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).distinct().limit(SHOWN).toList());
            }
        } catch (IOException e) {
            // The flag alone is the finding; the package names are a courtesy.
        }
        return Finding.of("patches.reboot", ProbeStatus.WARNING, title, flag + (pkgs.isEmpty() ? "" : " (" + pkgs + ")"),
                Messages.t("security.fix.patches.reboot"));
    }

    private static Finding lastUpgrade(SecurityContext ctx) {
        String title = Messages.t("security.title.patches.lastUpgrade");
        Path history = ctx.host("/var/log/apt/history.log");
        Path dpkg = ctx.host("/var/log/dpkg.log");
        LocalDate last;
        Path from;
        try {
            last = lastInHistory(history);
            from = history;
            if (last == null) {
                last = lastInDpkg(dpkg);
                from = dpkg;
            }
        } catch (IOException e) {
            return Finding.of("patches.lastUpgrade", ProbeStatus.UNKNOWN, title, history + ": " + SshdConfig.reason(e), "");
        }
        if (last == null) {
            return Finding.of("patches.lastUpgrade", ProbeStatus.UNKNOWN, title, Messages.t("security.patches.noHistory", history, dpkg), "");
        }
        long days = ChronoUnit.DAYS.between(last, LocalDate.ofInstant(ctx.clock().now(), ZoneOffset.UTC));
        String evidence = Messages.t("security.patches.last", from, last, String.valueOf(days));
        return days > ctx.settings().patchDays
                ? Finding.of("patches.lastUpgrade", ProbeStatus.WARNING, title, evidence, Messages.t("security.fix.patches.pending"))
                : Finding.ok("patches.lastUpgrade", title, evidence);
    }

    /** The start date of the last apt run that upgraded something, or null. */
    private static LocalDate lastInHistory(Path history) throws IOException {
        if (!Files.exists(history)) {
            return null;
        }
        LocalDate last = null;
        LocalDate start = null;
        for (String line : Files.readAllLines(history, StandardCharsets.ISO_8859_1)) {
            Matcher m = HISTORY_START.matcher(line);
            if (m.matches()) {
                start = date(m.group(1));
            } else if (line.startsWith("Upgrade:") && start != null) {
                last = last == null || start.isAfter(last) ? start : last;
            }
        }
        return last;
    }

    private static LocalDate lastInDpkg(Path dpkg) throws IOException {
        if (!Files.exists(dpkg)) {
            return null;
        }
        LocalDate last = null;
        for (String line : Files.readAllLines(dpkg, StandardCharsets.ISO_8859_1)) {
            Matcher m = DPKG_UPGRADE.matcher(line);
            if (m.matches()) {
                LocalDate d = date(m.group(1));
                last = d != null && (last == null || d.isAfter(last)) ? d : last;
            }
        }
        return last;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
