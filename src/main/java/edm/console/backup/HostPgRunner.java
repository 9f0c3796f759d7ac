package edm.console.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the PostgreSQL client tools as processes on this host. Stdout is copied on the calling thread
 * (so a slow disk slows the tool, never buffers), stderr and stdin on helper threads.
 */
public final class HostPgRunner implements PgRunner {
    private static final int BUFFER = 64 * 1024;

    @Override
    public String where() {
        return "host";
    }

    @Override
    public Result run(List<String> argv, Map<String, String> env, InputStream stdin, long stdinBytes, OutputStream stdout,
                      Cancellation cancel) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.toolMissing", argv.get(0), BackupException.describe(e));
        }
        StderrTail err = new StderrTail();
        Thread errPump = pump(p.getErrorStream(), err, "stderr");
        AtomicReference<Throwable> inputFailure = new AtomicReference<>();
        Thread inPump = stdin == null ? null : feed(stdin, p, inputFailure, cancel);
        try (Cancellation.Registration r = cancel.onCancel(() -> stop(p))) {
            copyOut(p, stdout, cancel);
            p.waitFor();
            errPump.join(5000);
            if (inPump != null) {
                inPump.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new BackupCancelledException();
        } catch (IOException e) {
            stop(p);
            if (cancel.cancelled()) {
                throw new BackupCancelledException();
            }
            throw new BackupException(e, "backup.error.write", BackupException.describe(e));
        } catch (RuntimeException e) {
            stop(p);
            throw e;
        }
        cancel.check();
        if (inputFailure.get() instanceof RuntimeException re) {
            throw re;
        }
        if (inputFailure.get() != null) {
            throw new BackupException(inputFailure.get(), "backup.error.read", BackupException.describe(inputFailure.get()));
        }
        return new Result(p.exitValue(), err.text());
    }

    private static void copyOut(Process p, OutputStream out, Cancellation cancel) throws IOException {
        byte[] buf = new byte[BUFFER];
        try (InputStream in = p.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                cancel.check();
                out.write(buf, 0, n);
            }
        }
    }

    /**
     * Feeds stdin. When the tool stops reading (pg_restore --list reads only the table of contents) the
     * rest is still read and dropped: reading it is what authenticates an encrypted backup to the end.
     */
    private static Thread feed(InputStream in, Process p, AtomicReference<Throwable> failure, Cancellation cancel) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[BUFFER];
            OutputStream to = p.getOutputStream();
            boolean open = true;
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0 && !cancel.cancelled()) {
                    if (open) {
                        try {
                            to.write(buf, 0, n);
                        } catch (IOException pipeClosed) {
                            open = false;
                        }
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
                stop(p);
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // the tool exited already
                }
            }
        }, "pg-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread pump(InputStream in, OutputStream out, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // process gone
            }
        }, "pg-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
