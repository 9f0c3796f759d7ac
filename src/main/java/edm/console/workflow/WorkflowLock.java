package edm.console.workflow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One workflow at a time on a host: a lock file naming its holder (user, host, pid, since, what). Taken
 * atomically (hard link of a complete, fsynced temp file), so a reader never sees half a holder. A holder
 * whose process is gone is stale; only an operator's typed confirmation breaks it ({@link #breakStale}).
 */
public final class WorkflowLock implements AutoCloseable {
    public record Holder(String user, String host, long pid, Instant since, String what) {
        /** Whether the holder's process is known to be gone (same host, pid not alive). */
        public boolean stale() {
            return Operator.hostName().equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    /** The lock is held by someone else; {@link #holder()} says who. */
    public static final class HeldException extends WorkflowException {
        private final Holder holder;

        HeldException(Holder h) {
            super(WorkflowText.t(h.stale() ? "workflow.lock.stale" : "workflow.lock.held", h.user(), h.host(), h.pid(), h.since(), h.what()));
            this.holder = h;
        }

        public Holder holder() {
            return holder;
        }
    }

    private final Path file;
    private final Holder me;
    private boolean released;

    private WorkflowLock(Path file, Holder me) {
        this.file = file;
        this.me = me;
    }

    public static WorkflowLock acquire(Path file, Operator op, String what) {
        Holder me = new Holder(op.user(), op.host(), op.pid(), Instant.now(), what);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".lock.", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(WorkflowJson.line(me).getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                Files.createLink(file, temp);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new WorkflowLock(file, me);
        } catch (FileAlreadyExistsException e) {
            throw new HeldException(read(file).orElse(new Holder("?", "?", -1, Instant.EPOCH, "?")));
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.lock.io", file, e.getMessage()));
        }
    }

    public static Optional<Holder> read(Path file) {
        try {
            return Optional.of(WorkflowJson.MAPPER.readValue(Files.readString(file), Holder.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Holder("?", "?", -1, Instant.EPOCH, "unreadable lock file"));
        }
    }

    /** Removes a stale lock if it is still the same holder; false when it changed or is alive. */
    public static boolean breakStale(Path file, Holder expected) {
        Optional<Holder> now = read(file);
        if (now.isEmpty() || !now.get().equals(expected) || !expected.stale()) {
            return false;
        }
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.lock.io", file, e.getMessage()));
        }
    }

    public Holder holder() {
        return me;
    }

    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        if (read(file).filter(me::equals).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // left behind: the next operator sees a stale lock with our (dead) pid and can break it
            }
        }
    }
}
