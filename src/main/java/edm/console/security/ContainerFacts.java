package edm.console.security;

import edm.console.core.PortMapping;
import java.util.List;

/**
 * What the network and port rules need to know about one container, from the engine's inspect data
 * (the cli fills it through the container gateway; tests build it directly).
 *
 * @param image        the image it runs (a tag where the engine knows one, else the id)
 * @param networks     the networks it is attached to ("host" for --network host)
 * @param mountSources host paths of its bind mounts
 */
public record ContainerFacts(String name, String image, boolean running, List<PortMapping> ports, List<String> networks, boolean privileged,
                             List<String> mountSources) {
    public ContainerFacts {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        mountSources = List.copyOf(mountSources);
    }

    /** The engine's containers, or why they could not be listed (the engine rules then say UNKNOWN). */
    public record Listing(List<ContainerFacts> containers, String unavailable) {
        public Listing {
            containers = List.copyOf(containers);
        }

        public static Listing of(List<ContainerFacts> containers) {
            return new Listing(containers, null);
        }

        public static Listing unavailable(String reason) {
            return new Listing(List.of(), reason);
        }

        public boolean available() {
            return unavailable == null;
        }
    }
}
