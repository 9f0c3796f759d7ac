package edm.console.security;

import edm.console.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host programs a rule asks (sshd -T, ufw status, apt-get -s upgrade): injectable so that tests give
 * canned output, and on the host each run is bounded by a timeout that holds (the process is killed).
 */
@FunctionalInterface
public interface HostCommands {
    /** What one run gave: exit code (-1 when it did not run), stdout, and why it did not run or failed. */
    record Output(int exitCode, String stdout, String problem) {
        public boolean ok() {
            return exitCode == 0;
        }

        static Output notRun(String problem) {
            return new Output(-1, "", problem);
        }
    }

    Output run(List<String> argv);

    /** No host programs (fixture trees): every rule falls back to files or says UNKNOWN. */
    HostCommands NONE = argv -> Output.notRun("not run under a fixture root");

    /** The real host, each run at most {@code timeout}; stdin closed, stderr kept for the reason. */
    static HostCommands system(Duration timeout) {
        return argv -> {
            Process p;
            try {
                p = new ProcessBuilder(argv).start();
                p.getOutputStream().close();
            } catch (IOException e) {
                // The JDK's "Cannot run program ... error=2 (No such file or directory)" means: not installed here.
                String m = String.valueOf(e.getMessage());
                boolean missing = m.contains("error=2") || m.contains("error: 2");
                return Output.notRun(missing ? Messages.t("security.notInstalled", argv.get(0)) : argv.get(0) + ": " + m.strip());
            }
            try {
                Drain out = new Drain(p.getInputStream());
                Drain err = new Drain(p.getErrorStream());
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Output.notRun(String.join(" ", argv) + ": no answer in " + timeout.toSeconds() + " s");
                }
                out.join(1000);
                err.join(1000);
                String stderr = err.text().strip();
                int firstLine = stderr.indexOf('\n');
                return new Output(p.exitValue(), out.text(), firstLine < 0 ? stderr : stderr.substring(0, firstLine));
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return Output.notRun("interrupted");
            }
        };
    }

    /** Reads a stream to the end on its own thread, so a chatty program cannot block on a full pipe. */
    final class Drain extends Thread {
        /** More than any ruleset or upgrade simulation we parse; the rest is dropped, not buffered. */
        private static final int LIMIT = 4 * 1024 * 1024;
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            super("edm-security-drain");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try (in) {
                for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (buf) {
                        if (buf.size() < LIMIT) {
                            buf.write(b, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended or was killed; what was read so far is the output.
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
