package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import edm.console.core.HostSnapshot.FileSystemUsage;

class FileSystemSelectionTest {

    private static final long GB = 1L << 30;

    private static MountEntry real(String mount, String type, String volume, long totalGb) {
        return new MountEntry(mount, type, volume, totalGb * GB, totalGb * GB / 2, totalGb * GB / 2);
    }

    private static MountEntry pseudo(String mount, String type) {
        return new MountEntry(mount, type, type, GB, GB, GB);
    }

    /** A docker host as /proc/self/mounts lists it (after OSHI's own exclusions, plus what it lets through). */
    private static final List<MountEntry> DOCKER_HOST = List.of(
            real("/", "ext4", "/dev/sda2", 100),
            real("/boot/efi", "vfat", "/dev/sda1", 1),
            pseudo("/tmp", "tmpfs"),
            pseudo("/run/user/1000", "tmpfs"),
            pseudo("/sys/fs/cgroup", "cgroup2"),
            pseudo("/snap/core20/2015", "squashfs"),
            real("/data", "xfs", "/dev/sdb1", 500),
            real("/var/lib/docker", "ext4", "/dev/sdc", 200),
            new MountEntry("/var/lib/docker/overlay2/3f1c/merged", "overlay", "overlay", 200 * GB, GB, GB),
            new MountEntry("/var/lib/docker/containers/ab12/mounts/shm", "tmpfs", "shm", 64L << 20, 0, 0),
            real("/var/lib/docker/volumes/edm_pg/_data", "ext4", "/dev/sdd", 50),
            pseudo("/run/docker/netns/7c4e", "nsfs"),
            real("/srv/edm/uploads", "xfs", "/dev/sdb1", 500),       // bind mount of /data's filesystem
            real("/mnt/nas", "nfs4", "nas:/export/edm", 2000),
            new MountEntry("/media/cdrom", "iso9660", "/dev/sr0", GB, 0, 0),
            new MountEntry("/mnt/empty", "ext4", "/dev/loop9", 0, 0, 0));

    private static List<String> mounts(List<FileSystemUsage> selected) {
        return selected.stream().map(FileSystemUsage::mount).toList();
    }

    private static List<String> marked(List<FileSystemUsage> selected) {
        return selected.stream().filter(FileSystemUsage::holdsProjectDir).map(FileSystemUsage::mount).toList();
    }

    @Test
    void keepsRealStorageOnceAndDropsPseudoContainerAndDuplicateMounts() {
        var selected = FileSystemSelection.select(DOCKER_HOST, Path.of("/opt/edm"));
        assertEquals(List.of("/", "/boot/efi", "/data", "/mnt/nas", "/var/lib/docker"), mounts(selected));
    }

    @Test
    void projectDirOnTheRootIsMarkedThere() {
        assertEquals(List.of("/"), marked(FileSystemSelection.select(DOCKER_HOST, Path.of("/opt/edm"))));
    }

    @Test
    void longestMountPrefixWins() {
        assertEquals(List.of("/data"), marked(FileSystemSelection.select(DOCKER_HOST, Path.of("/data/edm"))));
        assertEquals(List.of("/mnt/nas"), marked(FileSystemSelection.select(DOCKER_HOST, Path.of("/mnt/nas/edm/x"))));
    }

    @Test
    void prefixMatchesWholePathComponentsOnly() {
        // /database is not under /data.
        assertEquals(List.of("/"), marked(FileSystemSelection.select(DOCKER_HOST, Path.of("/database/edm"))));
    }

    @Test
    void projectUnderABindMountMarksTheFilesystemShownForIt() {
        var selected = FileSystemSelection.select(DOCKER_HOST, Path.of("/srv/edm/uploads/edm"));
        assertEquals(List.of("/data"), marked(selected));
        assertFalse(mounts(selected).contains("/srv/edm/uploads"));
    }

    @Test
    void projectOnAFilteredFilesystemIsShownAnyway() {
        var selected = FileSystemSelection.select(DOCKER_HOST, Path.of("/tmp/edm"));
        assertEquals(List.of("/tmp"), marked(selected));
    }

    @Test
    void projectDirUnknownMarksNothing() {
        assertTrue(marked(FileSystemSelection.select(DOCKER_HOST, null)).isEmpty());
    }

    @Test
    void laterMountOnTheSameMountPointHidesTheEarlierOne() {
        var stacked = List.of(real("/", "ext4", "/dev/sda2", 100),
                real("/data", "ext4", "/dev/sdb1", 10), real("/data", "xfs", "/dev/sdc1", 20));
        var selected = FileSystemSelection.select(stacked, Path.of("/data/edm"));
        assertEquals(List.of(new FileSystemUsage("/data", "xfs", 20 * GB, 10 * GB, 10 * GB, true)),
                selected.stream().filter(FileSystemUsage::holdsProjectDir).toList());
    }

    @Test
    void usedAndAvailableFollowDfSoPercentIgnoresRootsReserve() {
        // 100 GB ext4, 60 GB free of which 55 GB usable (5 GB reserved for root): df says 40 used, 55 avail, 43 %.
        var disk = new MountEntry("/", "ext4", "/dev/sda2", 100 * GB, 60 * GB, 55 * GB);
        FileSystemUsage usage = FileSystemSelection.select(List.of(disk), Path.of("/opt/edm")).get(0);
        assertEquals(40 * GB, usage.usedBytes());
        assertEquals(55 * GB, usage.availableBytes());
        assertEquals(100.0 * 40 / 95, usage.usedPercent(), 1e-9);
    }

    @Test
    void fullDiskReadsHundredPercentEvenWithReserveLeft() {
        var disk = new MountEntry("/", "ext4", "/dev/sda2", 100 * GB, 5 * GB, 0);
        assertEquals(100.0, FileSystemSelection.select(List.of(disk), Path.of("/")).get(0).usedPercent(), 1e-9);
    }
}
