package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.NginxLimits.Limit;
import java.util.List;

/**
 * SPEC-006 API访问限流: the configuration nginx runs ({@code nginx -T} in its container: what is loaded,
 * includes and all, not a file that may differ) has a limit_req that applies to the API.
 */
final class RateLimitRule implements Rule {
    /** A request the API serves: what a client would hammer. */
    static final String API_URI = "/api/health";

    @Override
    public String id() {
        return "ratelimit";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        String title = Messages.t("security.title.ratelimit");
        HostCommands.Output t = ctx.containerCommands().run(ctx.nginxContainer(), List.of("nginx", "-T"));
        if (!t.ok()) {
            return List.of(Finding.of("ratelimit", ProbeStatus.UNKNOWN, title, Messages.t("security.ratelimit.noConfig", ctx.nginxContainer(),
                    t.problem().isEmpty() ? "exit " + t.exitCode() : t.problem()), ""));
        }
        List<Limit> limits = NginxLimits.parse(t.stdout()).applying(API_URI);
        if (limits.isEmpty()) {
            return List.of(Finding.of("ratelimit", ProbeStatus.WARNING, title, Messages.t("security.ratelimit.none", ctx.nginxContainer(), API_URI),
                    Messages.t("security.fix.ratelimit")));
        }
        return List.of(Finding.ok("ratelimit", title, limits.get(0).where()));
    }
}
