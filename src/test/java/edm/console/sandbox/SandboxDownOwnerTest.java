package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code sandbox down} must not remove the containers of a sandbox made from another project dir. */
class SandboxDownOwnerTest {
    private static final Path MINE = Path.of("/tmp/mine-sb");

    private static SandboxStack.Found container(String name, String dir) {
        return new SandboxStack.Found(name, dir == null ? Map.of(SandboxSpec.LABEL, "true")
                : Map.of(SandboxSpec.LABEL, "true", SandboxSpec.LABEL_DIR, dir));
    }

    @Test
    void containersOfAnotherDirAreFoundAndNamed() {
        var other = SandboxStack.ownedElsewhere(List.of(
                container("edm-backend-sandbox", "/tmp/mine-sb"),
                container("edm-postgres-sandbox", "/home/colleague/sb")), MINE);
        assertTrue(other.isPresent());
        assertEquals("edm-postgres-sandbox", other.get().name());
        assertEquals("/home/colleague/sb", other.get().ownerDir());
    }

    @Test
    void ownContainersAndNonSandboxNamesAreNotAnotherOwner() {
        assertTrue(SandboxStack.ownedElsewhere(List.of(
                container("edm-backend-sandbox", "/tmp/mine-sb"),
                container("edm-backend-sandbox-old-1", "/tmp/mine-sb"),
                container("someone-elses-tool", "/elsewhere")), MINE).isEmpty());
    }

    @Test
    void aContainerThatRecordsNoDirIsNotTakenAsOurs() {
        assertTrue(SandboxStack.ownedElsewhere(List.of(container("edm-redis-sandbox", null)), MINE).isPresent());
    }

    @Test
    void aForcedDownSaysTheDataStaysInTheOtherSandboxDirNotOurs() {
        var other = SandboxStack.ownedElsewhere(List.of(container("edm-postgres-sandbox", "/home/colleague/sb")), MINE);
        assertEquals("/home/colleague/sb", SandboxStack.dataDir(other, MINE));
        assertEquals(MINE.toString(), SandboxStack.dataDir(Optional.empty(), MINE));
    }

    @Test
    void theRefusalNamesTheOtherDirAndHowToTakeItDown() {
        String line = Messages.t("sandbox.error.downOtherDir", "edm-postgres-sandbox", "/home/colleague/sb", MINE);
        assertTrue(line.contains("Nothing removed"), line);
        assertTrue(line.contains("EDM_SANDBOX_DIR=/home/colleague/sb edm-console sandbox down"), line);
        assertTrue(line.contains("--force"), line);
        String up = Messages.t("sandbox.error.otherDir", "edm-postgres-sandbox", "/home/colleague/sb", MINE);
        assertTrue(up.contains("EDM_SANDBOX_DIR=/home/colleague/sb"), "up must not send the user to a plain sandbox down: " + up);
    }
}
