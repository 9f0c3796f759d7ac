package edm.console.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Total RAM from /proc/meminfo, read once: the memory "limit" of a container that has none, as docker stats shows. */
final class HostMemory {
    private static final long TOTAL = read();

    private HostMemory() {
    }

    static long totalBytes() {
        return TOTAL;
    }

    private static long read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
