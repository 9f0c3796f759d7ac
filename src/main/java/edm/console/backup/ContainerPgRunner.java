package edm.console.backup;

import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Runs the PostgreSQL client tools inside the database container (docker exec), the production layout:
 * the tools match the server's version and the database need not be reachable from the host.
 */
public final class ContainerPgRunner implements PgRunner {
    private final ContainerGateway gateway;
    private final String container;

    public ContainerPgRunner(ContainerGateway gateway, String container) {
        this.gateway = gateway;
        this.container = container;
    }

    @Override
    public String where() {
        return "container " + container;
    }

    @Override
    public Result run(List<String> argv, Map<String, String> env, InputStream stdin, long stdinBytes, OutputStream stdout,
                      Cancellation cancel) {
        StderrTail err = new StderrTail();
        List<String> envList = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        Cancellation.Registration[] reg = new Cancellation.Registration[1];
        OutputStream checked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (cancel.cancelled()) {
                    throw new IOException("cancelled");
                }
                stdout.write(b, off, len);
            }
        };
        try {
            long code = gateway.exec(container, argv, envList, stdin, stdinBytes, checked, err, stopper -> reg[0] = cancel.onCancel(stopper));
            cancel.check();
            return new Result((int) code, err.text());
        } catch (EngineException e) {
            cancel.check();
            if (e.getCause() instanceof BackupException be) {
                throw be;
            }
            throw new BackupException(e, "backup.error.engine", container, BackupException.describe(e));
        } finally {
            if (reg[0] != null) {
                reg[0].close();
            }
        }
    }
}
