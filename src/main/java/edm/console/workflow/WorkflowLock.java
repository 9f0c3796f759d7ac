package edm.console.workflow;

import edm.console.core.LocalProcess;
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
 * A refusal is worded by {@link Occupant#refusal()}, the same for every workflow.
 */
public final class WorkflowLock implements AutoCloseable {
    public static final String FILE = "workflow.lock";

    public record Holder(String user, String host, long pid, Instant since, String what) {
        /**
         * Whether the holder's process is known to be gone: same host, and the pid not alive or taken by a
         * process started after the lock was taken. A holder on another host cannot be checked: never stale.
         */
        public boolean stale() {
            return Operator.hostName().equals(host) && !LocalProcess.alive(pid, since);
        }
    }

    /** The lock is held by someone else; {@link #holder()} says who, {@link #occupant()} also where it is. */
    public static final class HeldException extends WorkflowException {
        private final transient Occupant occupant;

        HeldException(Occupant o) {
            super(o.refusal());
            this.occupant = o;
        }

        public Holder holder() {
            return occupant.holder().orElseThrow();
        }

        public Occupant occupant() {
            return occupant;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return tryAcquire(file, op, what);
            } catch (FileAlreadyExistsException e) {
                Optional<Holder> h = read(file);
                if (h.isPresent() || attempt >= 3) {
                    // The journal next to the lock says at which step the holder is.
                    throw new HeldException(Occupant.of(file.toAbsolutePath().getParent(),
                            h.orElse(new Holder("?", "?", -1, Instant.EPOCH, "?"))));
                }
                // released between our link and our read: try again
            }
        }
    }

    private static WorkflowLock tryAcquire(Path file, Operator op, String what) throws FileAlreadyExistsException {
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
            throw e;
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.lock.io", file, e.getMessage()));
        }
    }

    public static Optional<Holder> read(Path file) {
        try {
            // The file first: no lock (the usual case) must not set up the JSON mapper (~400 classes at start-up).
            String text = Files.readString(file);
            return Optional.of(WorkflowJson.MAPPER.readValue(text, Holder.class));
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
