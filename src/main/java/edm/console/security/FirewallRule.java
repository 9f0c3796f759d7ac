package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SPEC-006 配置防火墙规则: a firewall filters incoming traffic. Asked of ufw, then nftables, then iptables;
 * each needs root to read the live rules, so as the deploy user this is usually UNKNOWN with the reasons
 * (ufw.conf's ENABLED says what was configured, not what is loaded, so it is evidence, not proof).
 */
final class FirewallRule implements Rule {
    private static final Pattern NFT_INPUT_FILTER = Pattern.compile("(?s).*hook input.*(policy drop|\\bdrop\\b|\\breject\\b).*");
    private static final Pattern IPT_INPUT_FILTER = Pattern.compile("(?m)^(-P INPUT DROP|-A INPUT .*-j (DROP|REJECT|ufw\\S*)).*$");

    @Override
    public String id() {
        return "firewall";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        String title = Messages.t("security.title.firewall");
        List<String> why = new ArrayList<>();
        HostCommands.Output ufw = ctx.commands().run(List.of("ufw", "status"));
        if (ufw.ok() && ufw.stdout().contains("Status: active")) {
            return List.of(Finding.ok("firewall", title, "ufw status: active"));
        }
        why.add(ufw.ok() ? "ufw: inactive" : reason(ufw, "ufw"));
        HostCommands.Output nft = ctx.commands().run(List.of("nft", "list", "ruleset"));
        if (nft.ok() && NFT_INPUT_FILTER.matcher(nft.stdout()).matches()) {
            return List.of(Finding.ok("firewall", title, Messages.t("security.firewall.nft")));
        }
        why.add(nft.ok() ? "nft: " + Messages.t("security.firewall.noInputFilter") : reason(nft, "nft"));
        HostCommands.Output ipt = ctx.commands().run(List.of("iptables", "-S", "INPUT"));
        if (ipt.ok()) {
            var m = IPT_INPUT_FILTER.matcher(ipt.stdout());
            if (m.find()) {
                return List.of(Finding.ok("firewall", title, "iptables -S INPUT: " + m.group().strip()));
            }
            // A ruleset was read and nothing in it filters INPUT: that is known, not unknown.
            return List.of(Finding.of("firewall", ProbeStatus.CRITICAL, title, Messages.t("security.firewall.open", String.join("; ", why)),
                    Messages.t("security.fix.firewall")));
        }
        why.add(reason(ipt, "iptables"));
        if (ufw.ok() || nft.ok()) {
            return List.of(Finding.of("firewall", ProbeStatus.CRITICAL, title, Messages.t("security.firewall.open", String.join("; ", why)),
                    Messages.t("security.fix.firewall")));
        }
        String configured = ufwConf(ctx.host("/etc/ufw/ufw.conf"));
        return List.of(Finding.of("firewall", ProbeStatus.UNKNOWN, title, Messages.t("security.firewall.unknown", String.join("; ", why))
                + (configured.isEmpty() ? "" : "; " + configured), Messages.t("security.fix.firewall.unknown")));
    }

    /** Why a program gave no ruleset, led by its name once (a problem from a run that never started already names it). */
    private static String reason(HostCommands.Output o, String program) {
        String why = o.problem().isEmpty() ? "exit " + o.exitCode() : o.problem();
        return why.startsWith(program) ? why : program + ": " + why;
    }

    private static String ufwConf(Path conf) {
        try {
            for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                if (line.strip().startsWith("ENABLED=")) {
                    return conf + ": " + line.strip();
                }
            }
        } catch (IOException e) {
            // Not installed or not readable: nothing to add.
        }
        return "";
    }
}
