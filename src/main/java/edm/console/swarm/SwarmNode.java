package edm.console.swarm;

/** One node of the swarm (GET /nodes): its hostname, role (manager, worker), availability (active, pause, drain) and state (ready, down...). */
public record SwarmNode(String id, String hostname, String role, String availability, String state, boolean leader) {
}
