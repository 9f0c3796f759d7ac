package edm.console.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project directory really lives, for matching it against mount points. */
final class ProjectDirectory {

    private ProjectDirectory() {
    }

    /**
     * The real path (symbolic links resolved) of the directory, or of its nearest existing parent when it
     * does not exist yet (before the first install /opt/edm may be missing, but /opt tells which disk it
     * will land on). Never null: at worst the filesystem root.
     */
    static Path nearestExisting(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null) {
            if (Files.exists(p)) {
                try {
                    return p.toRealPath();
                } catch (IOException e) {
                    // Vanished or unreadable between the check and the resolve: try the parent.
                }
            }
            p = p.getParent();
        }
        return dir.toAbsolutePath().getRoot();
    }
}
