package edm.console.compose;

import edm.console.config.ConsoleConfig;
import edm.console.core.ImageRef;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What deploys and rollbacks do about the compose file (the small API the workflows call): the labels of
 * a container the console creates, the labels of one it keeps aside, and the write-back of the new tag.
 * {@link #NONE} when there is no compose file: then every call leaves things as they are.
 */
public final class ComposeSync {
    public static final ComposeSync NONE = new ComposeSync(null, null, "", List.of(), Map.of(), false, Map.of());
    static final Duration HASH_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final Path envFile;
    private final String project;
    private final List<String> command;
    private final Map<String, String> processEnv;
    private final boolean writeBack;
    private final Map<String, String> commandEnv;

    ComposeSync(Path file, Path envFile, String project, List<String> command, Map<String, String> processEnv, boolean writeBack,
                Map<String, String> commandEnv) {
        this.file = file;
        this.envFile = envFile;
        this.project = project;
        this.command = command;
        this.processEnv = processEnv;
        this.writeBack = writeBack;
        this.commandEnv = commandEnv;
    }

    public static ComposeSync of(ConsoleConfig config) {
        return of(config, System.getenv());
    }

    public static ComposeSync of(ConsoleConfig config, Map<String, String> processEnv) {
        ConsoleConfig.ComposeSettings c = config.compose;
        String env = c.envFile == null || c.envFile.isBlank() ? config.envFile : c.envFile;
        Map<String, String> commandEnv = config.docker.endpoint == null || config.docker.endpoint.isBlank() ? Map.of()
                : Map.of("DOCKER_HOST", config.docker.endpoint);
        return new ComposeSync(config.resolve(c.file), config.resolve(env), c.project, Arrays.asList(c.command.trim().split("\\s+")),
                processEnv, c.writeBack, commandEnv);
    }

    public Path file() {
        return file;
    }

    public Path envFile() {
        return envFile;
    }

    /** True when the compose file exists: the console then keeps it true. */
    public boolean active() {
        return file != null && Files.isRegularFile(file);
    }

    /** The file as it reads now. */
    public ComposeModel model() {
        return ComposeReader.read(file, envFile, project, processEnv);
    }

    /**
     * The labels for the container that replaces one (applied to the replaced container's labels when the new
     * one is created): the compose labels kept, with the config hash compose will compute once the file says
     * {@code image}. A problem (no compose program, a file that cannot be read) is one line on {@code notes};
     * the container is then created without a hash, and compose would re-create it (same image) on its next up.
     */
    public UnaryOperator<Map<String, String>> relabel(String service, String image, String tag, Consumer<String> notes) {
        if (!active()) {
            return UnaryOperator.identity();
        }
        return old -> {
            if (!ComposeLabels.composeManaged(old)) {
                return old;
            }
            String hash = hash(service, image, tag, notes);
            return ComposeLabels.replacing(old, hash);
        };
    }

    /** The labels of a container kept aside for rollback: none of compose's. */
    public UnaryOperator<Map<String, String>> keptAside() {
        return active() ? ComposeLabels::withoutCompose : UnaryOperator.identity();
    }

    /**
     * After a deploy or rollback: the file (or its env variable) says the new image. Returns the line to show
     * (what changed and where the previous file is kept, or why nothing could be written); empty when there
     * is no compose file or it already says so.
     */
    public Optional<String> writeBack(String service, String image, String tag) {
        if (!active() || !writeBack) {
            return Optional.empty();
        }
        try {
            ComposeModel m = model();
            if (m.service(service).isEmpty()) {
                return Optional.of(Messages.t("compose.write.noService", file, service));
            }
            Optional<WriteBack.Change> c = WriteBack.plan(m, service, imageFor(m, service, image, tag));
            if (c.isEmpty()) {
                return Optional.empty();
            }
            Path previous = WriteBack.apply(c.get());
            return Optional.of(Messages.t("compose.write.done", c.get().setting(), c.get().file(),
                    previous == null ? "-" : previous.getFileName()));
        } catch (ComposeException e) {
            return Optional.of(Messages.t("compose.write.failed", e.getMessage()));
        }
    }

    /** The reference to write: the deployed one, or for a rollback by image id, the file's repository with the tag. */
    static String imageFor(ComposeModel m, String service, String image, String tag) {
        if (image != null && !ImageRef.isId(image)) {
            return image;
        }
        String repository = m.service(service).map(s -> ImageRef.parse(s.image()).repository()).orElse("");
        return repository + ":" + tag;
    }

    private String hash(String service, String image, String tag, Consumer<String> notes) {
        try {
            ComposeModel m = model();
            if (m.service(service).isEmpty()) {
                return null;
            }
            Optional<WriteBack.Change> c = WriteBack.plan(m, service, imageFor(m, service, image, tag));
            Path dir = file.toAbsolutePath().getParent();
            Path candidate = null;
            try {
                Path f = file;
                Path e = Files.exists(envFile) ? envFile : null;
                if (c.isPresent()) {
                    // The file as the write-back will leave it, beside the real one (relative paths resolve alike).
                    candidate = Files.createTempFile(dir, ".edm-console-compose-", ".tmp");
                    Files.setPosixFilePermissions(candidate, PosixFilePermissions.fromString("rw-------"));
                    Files.writeString(candidate, c.get().text(), StandardCharsets.UTF_8);
                    if (c.get().envFile()) {
                        e = candidate;
                    } else {
                        f = candidate;
                    }
                }
                ConfigHash.Result r = ConfigHash.compute(command, m.project(), dir, f, e, service, commandEnv, HASH_TIMEOUT);
                if (!r.known()) {
                    notes.accept(Messages.t("compose.hash.unknown", service, r.problem()));
                }
                return r.hash();
            } finally {
                if (candidate != null) {
                    Files.deleteIfExists(candidate);
                }
            }
        } catch (ComposeException e) {
            notes.accept(Messages.t("compose.hash.unknown", service, e.getMessage()));
            return null;
        } catch (IOException e) {
            notes.accept(Messages.t("compose.hash.unknown", service, e.getMessage()));
            return null;
        }
    }
}
