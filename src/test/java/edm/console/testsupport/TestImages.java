package edm.console.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** A tiny image FROM scratch with the static busybox, built once and cached by tag. */
public final class TestImages {
    public static final String BUSYBOX = "edm-console-test/busybox:1";

    private TestImages() {
    }

    /** Ensures {@link #BUSYBOX} exists; its default command sleeps forever and stops at once on SIGTERM. */
    public static synchronized String busybox() {
        DockerClient c = DockerEngine.client();
        try {
            c.inspectImageCmd(BUSYBOX).exec();
            return BUSYBOX;
        } catch (NotFoundException e) {
            // built below
        }
        try {
            Path dir = Files.createTempDirectory("edm-test-image");
            Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                    "FROM scratch",
                    "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                    // trap: PID 1 ignores SIGTERM by default; exit at once so stop/restart are quick.
                    "CMD [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1; done\"]", ""));
            c.buildImageCmd(dir.toFile()).withTags(Set.of(BUSYBOX)).withPull(false)
                    .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
            return BUSYBOX;
        } catch (IOException e) {
            return Assertions.fail("cannot build " + BUSYBOX + ": " + e.getMessage() + " (is busybox-static installed?)");
        }
    }
}
