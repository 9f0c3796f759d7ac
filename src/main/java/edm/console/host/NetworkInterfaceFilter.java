package edm.console.host;

import java.util.List;

/**
 * Which network interfaces the Resources panel shows. The operator cares about the machine's own NICs:
 * loopback never leaves the host, and docker's veth pairs, bridges (docker0, br-*) and other virtual
 * devices only repeat traffic that also crosses the main NIC (containers reach the outside through NAT
 * on it) or carry container-to-container traffic the panel does not account for.
 */
public record NetworkInterfaceFilter(List<String> excludedPrefixes) {

    /** Loopback and the virtual devices of docker, libvirt, Kubernetes CNIs and traffic shaping. */
    public static final NetworkInterfaceFilter DEFAULT = new NetworkInterfaceFilter(List.of(
            "lo", "veth", "docker", "br-", "virbr", "ifb", "dummy", "cali", "flannel", "cni", "vxlan",
            "kube-", "tunl", "sit", "ip6tnl", "gre", "erspan"));

    /** Everything but loopback, for a host where the bridges are what matters. */
    public static final NetworkInterfaceFilter ALL_BUT_LOOPBACK = new NetworkInterfaceFilter(List.of("lo"));

    public NetworkInterfaceFilter {
        excludedPrefixes = List.copyOf(excludedPrefixes);
    }

    public boolean shows(String name) {
        for (String prefix : excludedPrefixes) {
            // "lo" must not hide a real NIC that merely starts with the letters "lo" + something else.
            boolean match = prefix.equals("lo") ? name.equals("lo") || name.matches("lo\\d*") : name.startsWith(prefix);
            if (match) {
                return false;
            }
        }
        return true;
    }
}
