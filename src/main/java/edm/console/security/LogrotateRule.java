package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.LogrotateConfig.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC-006 日志轮转配置: a logrotate entry covers the project's logs/*.log and its subfolders with the
 * spec's settings. {@link #specEntry} is what {@code security fix logrotate} writes.
 */
final class LogrotateRule implements Rule {
    @Override
    public String id() {
        return "logs";
    }

    /** The spec's settings, in the spec's order; {@code create} names the deploy user. */
    static Map<String, String> wanted(String user) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("daily", "");
        w.put("rotate", "30");
        w.put("compress", "");
        w.put("delaycompress", "");
        w.put("missingok", "");
        w.put("notifempty", "");
        w.put("create", "644 " + user + " " + user);
        return w;
    }

    /** The paths to cover: the spec's logs/*.log and the console's own subfolders (logs/nginx, logs/backend, logs/system). */
    static List<String> targets(SecurityContext ctx) {
        String logs = ctx.projectDir().resolve("logs").toString();
        return List.of(logs + "/*.log", logs + "/*/*.log");
    }

    static String specEntry(SecurityContext ctx) {
        StringBuilder b = new StringBuilder("# SPEC-006 日志轮转配置 (edm-console security fix logrotate)\n");
        b.append(String.join(" ", targets(ctx))).append(" {\n");
        wanted(ctx.settings().deployUser).forEach((k, v) -> b.append("    ").append(k).append(v.isEmpty() ? "" : " " + v).append('\n'));
        return b.append("}\n").toString();
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        String title = Messages.t("security.title.logs.logrotate");
        List<Entry> entries;
        try {
            entries = LogrotateConfig.read(ctx.host("/etc/logrotate.conf"), ctx.host("/etc/logrotate.d"));
        } catch (IOException e) {
            return List.of(Finding.of("logs.logrotate", ProbeStatus.UNKNOWN, title,
                    Messages.t("security.logs.unreadable", ctx.host("/etc/logrotate.d"), SshdConfig.reason(e)), ""));
        }
        List<Finding> out = new ArrayList<>();
        Map<String, String> wanted = wanted(ctx.settings().deployUser);
        List<String> targets = targets(ctx);
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            String id = i == 0 ? "logs.logrotate" : "logs.logrotate.subfolders";
            Entry e = entries.stream().filter(x -> x.covers(target)).findFirst().orElse(null);
            if (e == null) {
                out.add(Finding.of(id, ProbeStatus.WARNING, title, Messages.t("security.logs.none", target,
                        ctx.host("/etc/logrotate.d")), Messages.t("security.fix.logs")));
                continue;
            }
            List<String> wrong = new ArrayList<>();
            wanted.forEach((k, v) -> {
                String has = e.directives().get(k);
                if (has == null || !has.equals(v)) {
                    wrong.add((k + " " + v).strip() + (has == null ? "" : " (" + (k + " " + has).strip() + ")"));
                }
            });
            out.add(wrong.isEmpty() ? Finding.ok(id, title, e.where() + " " + target)
                    : Finding.of(id, ProbeStatus.WARNING, title,
                            Messages.t("security.logs.settings", e.where(), target, String.join(", ", wrong)), Messages.t("security.fix.logs")));
        }
        return out;
    }
}
