package edm.console.core;

/** One published port: hostIp:hostPort -> containerPort/protocol. hostPort 0 means not published. */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {
    public boolean published() {
        return hostPort > 0;
    }

    /** Compact form as docker ps shows it, e.g. {@code 127.0.0.1:8002->8002/tcp}. */
    public String display() {
        String proto = "tcp".equals(protocol) ? "" : "/" + protocol;
        if (!published()) {
            return containerPort + proto;
        }
        String ip = hostIp == null || hostIp.isEmpty() || "0.0.0.0".equals(hostIp) ? "" : hostIp + ":";
        return ip + hostPort + "->" + containerPort + proto;
    }
}
