package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/** The rules in the order the report shows them, run once; a rule that breaks is UNKNOWN, never the whole report. */
public final class SecurityRules {
    private final List<Rule> rules;

    public SecurityRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** SPEC-006's rules: access (ssh, firewall, patches), secrets, ports, networks, logs. */
    public static SecurityRules spec() {
        return new SecurityRules(List.of(new SshRule(), new SecretsRule(), new PortsRule(), new NetworksRule(), new LogrotateRule(),
                new PatchesRule(), new FirewallRule(), new HeadersRule(), new RateLimitRule()));
    }

    /**
     * The rules whose critical findings {@code check} includes: they read files and the containers check
     * already listed, no host program (check runs every 5 minutes from cron and has a CPU budget). The
     * firewall and the networks' inspect data stay with {@code security}.
     */
    public static SecurityRules forCheck() {
        return new SecurityRules(List.of(new SshRule(), new SecretsRule(), new PortsRule()));
    }

    public SecurityReport run(SecurityContext ctx) {
        List<Finding> all = new ArrayList<>();
        for (Rule r : rules) {
            try {
                all.addAll(r.check(ctx));
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                all.add(Finding.of(r.id(), ProbeStatus.UNKNOWN, Messages.t("security.title." + r.id()),
                        Messages.t("security.ruleFailed", why), ""));
            }
        }
        List<Finding> accepted = Acceptance.apply(all, ctx.settings().accept);
        accepted.addAll(AcceptLog.record(ctx));
        return new SecurityReport(accepted, ctx.clock().now());
    }
}
