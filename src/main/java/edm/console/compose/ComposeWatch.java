package edm.console.compose;

import edm.console.core.ContainerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * The drift of each new container list against the compose file, reading the file (and its env file) again
 * only when either changed on disk: a container list arrives every few seconds, an edit of the file rarely.
 * Thread-safe.
 */
public final class ComposeWatch {
    private final ComposeSync sync;
    private final Path file;
    private final Path envFile;
    private String seen;
    private ComposeModel model;
    private String error = "";

    public ComposeWatch(ComposeSync sync) {
        this.sync = sync;
        this.file = sync.file();
        this.envFile = sync.envFile();
    }

    public synchronized DriftReport drift(List<ContainerInfo> containers) {
        if (!sync.active()) {
            model = null;
            seen = null;
            return DriftReport.NONE;
        }
        String stamp = stamp(file) + "|" + stamp(envFile);
        if (!Objects.equals(stamp, seen)) {
            seen = stamp;
            try {
                model = sync.model();
                error = "";
            } catch (ComposeException e) {
                model = null;
                error = e.getMessage();
            }
        }
        if (model == null) {
            return new DriftReport(file.toString(), "", List.of(), error);
        }
        return new DriftReport(file.toString(), model.project(), Drift.of(model, containers), "");
    }

    private static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
        } catch (IOException e) {
            return "-";
        }
    }
}
