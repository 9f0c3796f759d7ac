package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    @Test
    void parsesProcMountsWithOctalEscapes() {
        List<MountEntry> m = MountTable.parse(List.of(
                "/dev/vda / ext4 rw,relatime 0 0",
                "proc /proc proc rw,nosuid 0 0",
                "/dev/vdb /mnt/my\\040disk xfs rw 0 0",
                "garbage"));
        assertEquals(3, m.size());
        assertEquals("/", m.get(0).mount());
        assertEquals("ext4", m.get(0).type());
        assertEquals("/dev/vda", m.get(0).volume());
        assertEquals("/mnt/my disk", m.get(2).mount());
        assertEquals("a\\b", MountTable.unescape("a\\b"), "a lone backslash stays");
        assertEquals("tab\there", MountTable.unescape("tab\\011here"));
    }

    @Test
    void statvfsOfTheRootFilesystemOnThisMachine() {
        MountEntry root = MountTable.withSpace(new MountEntry("/", "ext4", "/dev/x", 0, 0, 0));
        assertTrue(root.totalBytes() > 0 && root.freeBytes() <= root.totalBytes() && root.usableBytes() <= root.freeBytes(),
                root.toString());
    }
}
