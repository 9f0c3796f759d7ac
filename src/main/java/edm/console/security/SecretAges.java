package edm.console.security;

import edm.console.backup.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each secret of the env file was first seen with its current value, so that its age can be held
 * against {@code security.rotateDays}. The state holds a fingerprint per name — SHA-256 of a random salt
 * kept beside it (mode 600) and the value — never the value: without the salt the fingerprint cannot be
 * tested against guesses. SHA-256 rather than an HMAC: the fingerprint is only compared, never a MAC an
 * attacker could extend, and javax.crypto's first Mac costs check (every 5 minutes) a tenth of a second.
 */
final class SecretAges {
    static final String SALT = "salt";
    static final String FILE = "secrets.tsv";

    private record Seen(String fingerprint, LocalDate since) {
    }

    private final Path dir;

    SecretAges(Path dir) {
        this.dir = dir;
    }

    /** The first-seen date of each secret (name to value), recording new and changed ones as seen today. */
    Map<String, LocalDate> update(Map<String, String> secrets, LocalDate today) throws IOException {
        byte[] salt = salt();
        Map<String, Seen> known = read();
        Map<String, Seen> next = new TreeMap<>();
        Map<String, LocalDate> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            String fp = fingerprint(salt, e.getValue());
            Seen before = known.get(e.getKey());
            Seen now = before != null && before.fingerprint().equals(fp) ? before : new Seen(fp, today);
            next.put(e.getKey(), now);
            out.put(e.getKey(), now.since());
        }
        if (!next.equals(known)) {
            StringBuilder b = new StringBuilder();
            next.forEach((name, s) -> b.append(name).append('\t').append(s.fingerprint()).append('\t').append(s.since()).append('\n'));
            AtomicFile.write(dir.resolve(FILE), b.toString());
        }
        return out;
    }

    private Map<String, Seen> read() throws IOException {
        Map<String, Seen> known = new TreeMap<>();
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return known;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] p = line.split("\t");
            if (p.length == 3) {
                try {
                    known.put(p[0], new Seen(p[1], LocalDate.parse(p[2])));
                } catch (RuntimeException e) {
                    // A damaged line is forgotten: that secret counts as first seen today, the safe side for nothing but its age.
                }
            }
        }
        return known;
    }

    private byte[] salt() throws IOException {
        Path f = dir.resolve(SALT);
        if (Files.exists(f)) {
            return HexFormat.of().parseHex(Files.readString(f, StandardCharsets.UTF_8).strip());
        }
        Files.createDirectories(dir);
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, HexFormat.of().formatHex(salt) + "\n", StandardCharsets.UTF_8);
        return salt;
    }

    static String fingerprint(byte[] salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
