package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC-006 网络隔离策略: EDM containers only on the stack network, no foreign container on it, and none of
 * the stack with the host's network, privileged, or the Docker socket mounted (each of those is root on the host).
 */
final class NetworksRule implements Rule {
    @Override
    public String id() {
        return "networks";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        ContainerFacts.Listing listing = ctx.containers().get();
        if (!listing.available()) {
            return List.of(Finding.of("networks", ProbeStatus.UNKNOWN, Messages.t("security.title.networks"),
                    Messages.t("security.engineUnavailable", listing.unavailable()), ""));
        }
        String net = ctx.network();
        List<Finding> out = new ArrayList<>();
        for (ContainerFacts c : listing.containers()) {
            String base = ctx.edmContainer(c.name());
            if (base == null) {
                if (c.networks().contains(net)) {
                    out.add(Finding.of("networks.foreign." + c.name(), ProbeStatus.WARNING, Messages.t("security.title.networks.foreign"),
                            Messages.t("security.networks.foreign", c.name(), net), Messages.t("security.fix.networks.foreign", net, c.name())));
                }
                continue;
            }
            for (String other : c.networks()) {
                if (other.equals("host")) {
                    out.add(Finding.of("networks.host." + c.name(), ProbeStatus.CRITICAL, Messages.t("security.title.networks.host"),
                            Messages.t("security.networks.host", c.name()), Messages.t("security.fix.networks.host", net)));
                } else if (!other.equals(net)) {
                    out.add(Finding.of("networks.elsewhere." + c.name(), ProbeStatus.WARNING, Messages.t("security.title.networks.elsewhere"),
                            Messages.t("security.networks.elsewhere", c.name(), other, net),
                            Messages.t("security.fix.networks.foreign", other, c.name())));
                }
            }
            if (c.privileged()) {
                out.add(Finding.of("networks.privileged." + c.name(), ProbeStatus.CRITICAL, Messages.t("security.title.networks.privileged"),
                        Messages.t("security.networks.privileged", c.name()), Messages.t("security.fix.networks.privileged")));
            }
            for (String src : c.mountSources()) {
                if (src.endsWith("docker.sock")) {
                    out.add(Finding.of("networks.dockerSocket." + c.name(), ProbeStatus.CRITICAL,
                            Messages.t("security.title.networks.dockerSocket"), c.name() + ": " + src,
                            Messages.t("security.fix.networks.dockerSocket")));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("networks", Messages.t("security.title.networks"), Messages.t("security.networks.ok", net)));
        }
        return out;
    }
}
