package edm.console.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import edm.console.core.HostSnapshot.FileSystemUsage;

/**
 * Turns the raw mount table into the filesystems an operator wants to see: real storage only, each once,
 * with the one holding the project directory marked. Pure: no OS calls.
 */
final class FileSystemSelection {

    /** Kernel, memory-backed, container-layer and read-only image filesystems: not storage that fills up. */
    static final Set<String> PSEUDO_TYPES = Set.of(
            "proc", "sysfs", "cgroup", "cgroup2", "devtmpfs", "devpts", "tmpfs", "ramfs", "overlay", "overlayfs",
            "aufs", "squashfs", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "autofs",
            "configfs", "fusectl", "binfmt_misc", "hugetlbfs", "nsfs", "efivarfs", "rpc_pipefs", "selinuxfs",
            "rootfs", "nfsd", "sunrpc", "iso9660", "fuse.lxcfs", "fuse.snapfuse", "fuse.gvfsd-fuse", "fuse.portal");

    /** Kernel trees: hidden with everything mounted below them. */
    private static final List<String> KERNEL_TREES = List.of("/proc", "/sys", "/dev");

    /**
     * Container runtimes' per-container mounts (layers, shm, secrets) and snap images: hidden below these
     * directories, but not the directory itself, since a dedicated disk at /var/lib/docker is storage to watch.
     */
    private static final List<String> RUNTIME_ROOTS = List.of(
            "/var/lib/docker", "/var/lib/containers", "/var/lib/kubelet", "/snap");

    private FileSystemSelection() {
    }

    /**
     * The filesystems to show, sorted by mount point. Bind mounts and other duplicates of one filesystem
     * (same source and size) are shown once, under the shortest mount point. The filesystem holding the
     * project directory is always shown and marked, even if it would be filtered out (a project on a
     * tmpfs is odd, but then its space is exactly what the operator needs to see).
     *
     * @param projectDir the project directory as a real path (see {@link ProjectDirectory#nearestExisting}),
     *                   or null when unknown
     */
    static List<FileSystemUsage> select(List<MountEntry> mounts, Path projectDir) {
        MountEntry holder = projectDir == null ? null : holdingMount(mounts, projectDir).orElse(null);
        Map<String, List<MountEntry>> groups = new LinkedHashMap<>();
        for (MountEntry m : mounts) {
            if (m == holder || (isReal(m) && m.totalBytes() > 0)) {
                groups.computeIfAbsent(m.volume() + "|" + m.totalBytes(), k -> new ArrayList<>()).add(m);
            }
        }
        List<FileSystemUsage> result = new ArrayList<>();
        for (List<MountEntry> group : groups.values()) {
            MountEntry shown = group.stream().min(Comparator.comparingInt((MountEntry m) -> m.mount().length())).orElseThrow();
            result.add(toUsage(shown, holder != null && containsSame(group, holder)));
        }
        result.sort(Comparator.comparing(FileSystemUsage::mount));
        return result;
    }

    /**
     * Whether the very entry is in the group. By identity (the holder is one of the entries): a record's
     * equals is linked on its first call, which cost `check` 20 ms of CPU for one comparison.
     */
    private static boolean containsSame(List<MountEntry> group, MountEntry entry) {
        for (MountEntry m : group) {
            if (m == entry) {
                return true;
            }
        }
        return false;
    }

    static boolean isReal(MountEntry m) {
        if (PSEUDO_TYPES.contains(m.type())) {
            return false;
        }
        for (String tree : KERNEL_TREES) {
            if (m.mount().equals(tree) || m.mount().startsWith(tree + "/")) {
                return false;
            }
        }
        for (String root : RUNTIME_ROOTS) {
            if (m.mount().startsWith(root + "/")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The mount the path lives on: the longest mount point that is a whole-component prefix of it
     * (/opt is a prefix of /opt/edm, /op is not). A later entry on the same mount point hides an earlier one,
     * as in the kernel.
     */
    static Optional<MountEntry> holdingMount(List<MountEntry> mounts, Path path) {
        MountEntry best = null;
        int bestDepth = -1;
        for (MountEntry m : mounts) {
            Path mountPoint = Path.of(m.mount());
            if (path.startsWith(mountPoint) && mountPoint.getNameCount() >= bestDepth) {
                best = m;
                bestDepth = mountPoint.getNameCount();
            }
        }
        return Optional.ofNullable(best);
    }

    /** df's figures: used = total - free (root's reserve counts as not used), available = usable. */
    private static FileSystemUsage toUsage(MountEntry m, boolean holdsProjectDir) {
        long used = Math.max(0, m.totalBytes() - m.freeBytes());
        long available = Math.max(0, Math.min(m.usableBytes(), m.totalBytes()));
        return new FileSystemUsage(m.mount(), m.type(), m.totalBytes(), used, available, holdsProjectDir);
    }
}
