package edm.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP sockets in LISTEN state from /proc/net/tcp and tcp6: addresses are hex, in the kernel's byte
 * order per 32-bit word (little-endian here), the port is big-endian hex.
 */
final class ProcNetListeners {
    /** One listening socket; address as text (0.0.0.0, ::, 127.0.0.1, ::1). */
    record Listener(String address, int port, boolean loopback, String source) {
        String display() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ProcNetListeners() {
    }

    static List<Listener> read(Path file) throws IOException {
        List<Listener> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\\s+");
            if (f.length < 4 || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String hex = f[1].substring(0, colon);
            int port = Integer.parseInt(f[1].substring(colon + 1), 16);
            byte[] addr = address(hex);
            out.add(new Listener(text(addr), port, loopback(addr), file.toString()));
        }
        return out;
    }

    private static byte[] address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int word = 0; word < b.length / 4; word++) {
            for (int j = 0; j < 4; j++) {
                int at = word * 8 + (3 - j) * 2;
                b[word * 4 + j] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return b;
    }

    private static boolean loopback(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) == 127;
        }
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= a[i] == 0;
        }
        if (zeros && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return (a[12] & 0xff) == 127; // ::ffff:127.x.x.x
        }
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 1;
    }

    private static String text(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        StringBuilder b = new StringBuilder();
        boolean allZero = true;
        for (byte x : a) {
            allZero &= x == 0;
        }
        if (allZero) {
            return "::";
        }
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
        }
        return b.toString().replaceFirst("^(0:)+", "::").replace(":::", "::");
    }
}
