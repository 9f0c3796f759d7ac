package edm.console.core;

/**
 * What an engine says of its host ({@code GET /info}): its name, the memory and CPUs it sees, and its version.
 * The engine does not report free disk or used memory: whoever shows a host's figures says UNKNOWN for those.
 *
 * @param memTotalBytes the host's memory as the engine sees it, or -1 when it did not say
 * @param cpus          the host's CPUs, or -1 when it did not say
 */
public record EngineInfo(String name, long memTotalBytes, int cpus, String serverVersion, String operatingSystem) {
    public EngineInfo {
        name = name == null ? "" : name;
        serverVersion = serverVersion == null ? "" : serverVersion;
        operatingSystem = operatingSystem == null ? "" : operatingSystem;
    }
}
