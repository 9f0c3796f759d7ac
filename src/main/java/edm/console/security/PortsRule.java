package edm.console.security;

import edm.console.core.PortMapping;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.ProcNetListeners.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SPEC-006 配置防火墙规则 and 端口分配规范: what listens on a public address is only what is allowed;
 * EDM containers publish on 127.0.0.1 except nginx's entry ports; EDM ports in EDM's range, other
 * projects' in theirs; no host port published twice.
 */
final class PortsRule implements Rule {
    @Override
    public String id() {
        return "ports";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        // A public listener is a warning, never critical: check skips reading /proc/net.
        List<Finding> out = new ArrayList<>(ctx.criticalOnly() ? List.of() : listeners(ctx));
        ContainerFacts.Listing listing = ctx.containers().get();
        if (!listing.available()) {
            out.add(Finding.of("ports.containers", ProbeStatus.UNKNOWN, Messages.t("security.title.ports.containers"),
                    Messages.t("security.engineUnavailable", listing.unavailable()), ""));
            return out;
        }
        out.addAll(published(ctx, listing.containers()));
        return out;
    }

    private static List<Finding> listeners(SecurityContext ctx) {
        String title = Messages.t("security.title.ports.public");
        List<Listener> all = new ArrayList<>();
        for (String name : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path f = ctx.host(name);
            try {
                if (Files.exists(f)) {
                    all.addAll(ProcNetListeners.read(f));
                }
            } catch (IOException | RuntimeException e) {
                return List.of(Finding.of("ports.public", ProbeStatus.UNKNOWN, title, f + ": " + e.getMessage(), ""));
            }
        }
        if (all.isEmpty()) {
            return List.of(Finding.of("ports.public", ProbeStatus.UNKNOWN, title,
                    Messages.t("security.ports.noProc", ctx.host("/proc/net/tcp")), ""));
        }
        // One finding per port: the same port on 0.0.0.0 and :: is one door.
        Map<Integer, TreeSet<String>> unexpected = new TreeMap<>();
        for (Listener l : all) {
            if (!l.loopback() && !ctx.settings().allowedPublicPorts.contains(l.port())) {
                unexpected.computeIfAbsent(l.port(), p -> new TreeSet<>()).add(l.display());
            }
        }
        if (unexpected.isEmpty()) {
            return List.of(Finding.ok("ports.public", title, Messages.t("security.ports.onlyAllowed",
                    all.stream().filter(l -> !l.loopback()).map(Listener::port).distinct().sorted().toList(),
                    ctx.settings().allowedPublicPorts)));
        }
        List<Finding> out = new ArrayList<>();
        unexpected.forEach((port, where) -> out.add(Finding.of("ports.public." + port, ProbeStatus.WARNING, title,
                String.join(", ", where) + " (" + ctx.host("/proc/net/tcp") + ")",
                Messages.t("security.fix.ports.public", String.valueOf(port)))));
        return out;
    }

    private static List<Finding> published(SecurityContext ctx, List<ContainerFacts> containers) {
        PortRange edm = PortRange.parse(ctx.settings().edmPorts);
        PortRange others = PortRange.parse(ctx.settings().otherPorts);
        List<Finding> out = new ArrayList<>();
        Map<Integer, TreeSet<String>> users = new TreeMap<>();
        for (ContainerFacts c : containers) {
            String base = ctx.edmContainer(c.name());
            boolean ours = base != null;
            for (PortMapping p : c.ports()) {
                if (!p.published()) {
                    continue;
                }
                users.computeIfAbsent(p.hostPort(), k -> new TreeSet<>()).add(c.name());
                boolean entry = ctx.nginxContainer().equals(base) && ctx.settings().entryPorts.contains(p.hostPort());
                String where = c.name() + " " + p.display();
                if (ours && !entry && !loopback(p.hostIp())) {
                    out.add(Finding.of("ports.loopback." + c.name(), ProbeStatus.CRITICAL, Messages.t("security.title.ports.loopback"),
                            where, Messages.t("security.fix.ports.loopback", String.valueOf(p.hostPort()), String.valueOf(p.containerPort()))));
                }
                if (ours && !entry && !edm.contains(p.hostPort())) {
                    out.add(Finding.of("ports.range." + c.name(), ProbeStatus.WARNING, Messages.t("security.title.ports.range"),
                            Messages.t("security.ports.outsideEdm", where, edm), Messages.t("security.fix.ports.range", edm)));
                } else if (!ours && edm.contains(p.hostPort())) {
                    out.add(Finding.of("ports.range." + c.name(), ProbeStatus.WARNING, Messages.t("security.title.ports.range"),
                            Messages.t("security.ports.inEdm", where, edm), Messages.t("security.fix.ports.range", others)));
                } else if (!ours && !others.contains(p.hostPort())) {
                    out.add(Finding.of("ports.range." + c.name(), ProbeStatus.WARNING, Messages.t("security.title.ports.range"),
                            Messages.t("security.ports.outsideOthers", where, others), Messages.t("security.fix.ports.range", others)));
                }
            }
        }
        users.forEach((port, names) -> {
            if (names.size() > 1) {
                out.add(Finding.of("ports.duplicate." + port, ProbeStatus.WARNING, Messages.t("security.title.ports.duplicate"),
                        port + ": " + String.join(", ", names), Messages.t("security.fix.ports.duplicate", String.valueOf(port))));
            }
        });
        if (out.isEmpty()) {
            out.add(Finding.ok("ports.published", Messages.t("security.title.ports.published"),
                    Messages.t("security.ports.allInPlace", edm, others)));
        }
        return out;
    }

    private static boolean loopback(String ip) {
        return ip != null && (ip.startsWith("127.") || ip.equals("::1"));
    }
}
