package edm.console.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Where the PostgreSQL client tools run: on this host ({@link HostPgRunner}) or inside the database
 * container through docker exec ({@link ContainerPgRunner}). The same pg_dump/pg_restore/psql calls
 * work through either; secrets travel only in {@code env}.
 */
public interface PgRunner {
    /** Exit code and the last lines of stderr (secrets masked), for the one-line error. */
    record Result(int exitCode, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code argv}; stdout streams into {@code stdout}. {@code stdin} (may be null) holds exactly
     * {@code stdinBytes} bytes; when the command stops reading early the rest is still read and dropped,
     * so that a decrypting stream authenticates to the end. Cancelling stops the command.
     */
    Result run(List<String> argv, Map<String, String> env, InputStream stdin, long stdinBytes, OutputStream stdout,
               Cancellation cancel);

    /** "host" or "container NAME", for messages and the manifest. */
    String where();
}
