package edm.console.host;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount table from /proc/self/mounts and each filesystem's space from statvfs (through the JDK's
 * FileStore). Replaces OSHI's file-store listing, which starts an `lsblk` child process on every call:
 * on a 2-second refresh that alone cost about half a percent of a core.
 */
final class MountTable {
    static final Path PROC_MOUNTS = Path.of("/proc/self/mounts");

    private MountTable() {
    }

    /** Mount point, type and source of each line; sizes are filled in by {@link #withSpace}. */
    static List<MountEntry> parse(List<String> lines) {
        List<MountEntry> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length >= 3) {
                out.add(new MountEntry(unescape(f[1]), f[2], unescape(f[0]), 0, 0, 0));
            }
        }
        return out;
    }

    /** The kernel writes space, tab, newline and backslash in mount fields as octal escapes (\040 ...). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** The entry with its total, free and usable bytes; unchanged (zero sizes) when statvfs fails. */
    static MountEntry withSpace(MountEntry m) {
        try {
            FileStore fs = Files.getFileStore(Path.of(m.mount()));
            return new MountEntry(m.mount(), m.type(), m.volume(), fs.getTotalSpace(), fs.getUnallocatedSpace(),
                    fs.getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return m;
        }
    }

    static List<MountEntry> read() throws IOException {
        return parse(Files.readAllLines(PROC_MOUNTS));
    }
}
