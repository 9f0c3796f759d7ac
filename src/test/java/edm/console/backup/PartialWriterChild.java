package edm.console.backup;

import java.nio.file.Path;

/**
 * A child process for {@link StalePartialsIT}: starts writing a backup part through the real PartWriter and
 * then hangs, like a backup in the middle of pg_dump, until it is killed.
 */
public final class PartialWriterChild {
    private PartialWriterChild() {
    }

    public static void main(String[] args) {
        PartWriter.write(Path.of(args[0]), args[1], "archive", null, "tar.gz", BackupProgress.NONE, Cancellation.none(), out -> {
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
