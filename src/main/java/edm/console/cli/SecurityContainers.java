package edm.console.cli;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.docker.ContainerGateway;
import edm.console.security.ContainerFacts;
import java.util.ArrayList;
import java.util.List;

/** The engine's containers as the security rules see them: ports from the list, networks and mounts from inspect. */
final class SecurityContainers {
    private SecurityContainers() {
    }

    static ContainerFacts.Listing read(ContainerGateway gw) {
        try {
            List<ContainerFacts> out = new ArrayList<>();
            for (ContainerInfo c : gw.listContainers()) {
                ContainerDetail d = gw.inspect(c.id());
                List<String> networks = d.networks().stream().map(ContainerDetail.NetworkAttachment::network).toList();
                // Mounts read "source -> destination (ro)"; the rules look at the host side.
                List<String> sources = d.mounts().stream().map(m -> m.split(" -> ", 2)[0]).toList();
                out.add(new ContainerFacts(c.name(), c.running(), c.ports(), networks, d.privileged(), sources));
            }
            return ContainerFacts.Listing.of(out);
        } catch (RuntimeException e) {
            // Whatever the engine or its client throws, the rules that need it say UNKNOWN with it; the others still run.
            return ContainerFacts.Listing.unavailable(e.getMessage());
        }
    }

    /** From a listing that has no inspect data (check's snapshot): ports only. */
    static ContainerFacts.Listing fromList(List<ContainerInfo> containers) {
        return ContainerFacts.Listing.of(containers.stream()
                .map(c -> new ContainerFacts(c.name(), c.running(), c.ports(), List.of(), false, List.of())).toList());
    }
}
