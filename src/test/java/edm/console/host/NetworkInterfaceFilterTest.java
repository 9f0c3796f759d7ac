package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkInterfaceFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"eth0", "ens3", "enp0s31f6", "eno1", "wlan0", "bond0", "wg0", "tun0", "lowpan0"})
    void defaultShowsTheMachinesOwnInterfaces(String name) {
        assertTrue(NetworkInterfaceFilter.DEFAULT.shows(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo", "lo0", "veth1a2b3c4", "docker0", "docker_gwbridge", "br-5f2e9c1d7a3b", "virbr0",
        "ifb0", "cali12ab", "flannel.1", "cni0", "vxlan.calico"})
    void defaultHidesLoopbackAndVirtualDevices(String name) {
        assertFalse(NetworkInterfaceFilter.DEFAULT.shows(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker0", "br-5f2e9c1d7a3b", "veth1a2b3c4", "eth0"})
    void allButLoopbackShowsBridges(String name) {
        assertTrue(NetworkInterfaceFilter.ALL_BUT_LOOPBACK.shows(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo", "lo0"})
    void allButLoopbackStillHidesLoopback(String name) {
        assertFalse(NetworkInterfaceFilter.ALL_BUT_LOOPBACK.shows(name));
    }
}
