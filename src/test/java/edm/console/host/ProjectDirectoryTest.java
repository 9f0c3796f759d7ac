package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void existingDirectoryIsItsRealPath() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("edm"));
        assertEquals(dir.toRealPath(), ProjectDirectory.nearestExisting(dir));
    }

    @Test
    void missingDirectoryFallsBackToNearestExistingParent() throws IOException {
        assertEquals(tmp.toRealPath(), ProjectDirectory.nearestExisting(tmp.resolve("not/yet/installed")));
    }

    @Test
    void symbolicLinkIsResolvedToWhereTheDataLives() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("disk2/edm"));
        Path link = Files.createSymbolicLink(tmp.resolve("edm"), target);
        assertEquals(target.toRealPath(), ProjectDirectory.nearestExisting(link));
    }

    @Test
    void missingPathUnderASymlinkResolvesTheLinkedParent() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("disk2"));
        Path link = Files.createSymbolicLink(tmp.resolve("opt"), target);
        assertEquals(target.toRealPath(), ProjectDirectory.nearestExisting(link.resolve("edm")));
    }
}
