package edm.console.app;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.docker.TlsFiles;

/**
 * One engine the console can show, connected for the console's life (an ssh tunnel stays open until the console
 * ends, however often the operator switches away and back).
 *
 * @param endpoint      what the console talks to (for ssh://, the tunnel's local socket)
 * @param shown         what the operator configured, for the status bar and the hosts view
 * @param dockerContext the docker context the address came from, or ""
 * @param loaded        that engine's config (its own file, or the main one)
 * @param tls           a tcp:// engine's TLS files, or null
 * @param onThisMachine the engine runs on this machine: the host metrics and cgroup stats the console reads are its
 * @param connection    closed when the console ends (the tunnel), or a no-op
 */
record EngineLink(String name, String endpoint, String shown, String dockerContext, LoadedConfig loaded, TlsFiles tls,
                  boolean onThisMachine, AutoCloseable connection) {
    ConsoleConfig config() {
        return loaded.config();
    }
}
