package edm.console.security;

/** A FROM-TO port range from the config (validated there: security.edmPorts, security.otherPorts). */
record PortRange(int from, int to) {
    static PortRange parse(String text) {
        String[] p = text.strip().split("-");
        return new PortRange(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    boolean contains(int port) {
        return port >= from && port <= to;
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
