package edm.console.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The RSA key pair backups are encrypted to. The server only holds the public key (writing a backup
 * needs no secret); verify and restore need the private key, ideally kept elsewhere. Files are PEM, the
 * same as {@code openssl genpkey}: "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) and "PRIVATE KEY" (PKCS#8).
 */
public final class BackupKeys {
    static final int RSA_BITS = 3072;
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String PRIVATE = "PRIVATE KEY";

    private BackupKeys() {
    }

    /** A public key and its fingerprint: SHA-256 of the DER SubjectPublicKeyInfo, hex. */
    public record Recipient(PublicKey key, String fingerprint) {
        public static Recipient of(PublicKey key) {
            return new Recipient(key, BackupKeys.fingerprint(key));
        }
    }

    /** A private key with the fingerprint of its public half, to check it matches a backup before decrypting. */
    public record Identity(PrivateKey key, String fingerprint) {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(RSA_BITS);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    /**
     * Writes {@code NAME.pub.pem} (0644) and {@code NAME.pem} (0600, created with those permissions, so
     * the key is never readable by others even for a moment). Refuses to overwrite either file.
     */
    public static Path[] writePair(KeyPair pair, Path dir, String name) {
        Path pub = dir.resolve(name + ".pub.pem");
        Path priv = dir.resolve(name + ".pem");
        try {
            Files.createDirectories(dir);
            if (Files.exists(pub) || Files.exists(priv)) {
                throw new BackupException("backup.keys.exists", Files.exists(priv) ? priv : pub);
            }
            Files.write(priv, pem(PRIVATE, pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            Files.write(pub, pem(PUBLIC, pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException("backup.keys.exists", e.getFile());
        } catch (IOException e) {
            throw new BackupException(e, "backup.keys.writeFailed", dir, BackupException.describe(e));
        }
        return new Path[] {pub, priv};
    }

    public static Recipient readPublic(Path file) {
        byte[] der = readPem(file, PUBLIC);
        try {
            return Recipient.of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new BackupException("backup.keys.badKey", file, PUBLIC);
        }
    }

    public static Identity readPrivate(Path file) {
        byte[] der = readPem(file, PRIVATE);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new BackupException("backup.keys.badKey", file, PRIVATE);
            }
            PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new Identity(key, fingerprint(pub));
        } catch (GeneralSecurityException e) {
            throw new BackupException("backup.keys.badKey", file, PRIVATE);
        }
    }

    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 16 hex digits, enough to tell keys apart on screen. */
    public static String shortFingerprint(String fingerprint) {
        return fingerprint == null || fingerprint.length() < 16 ? String.valueOf(fingerprint) : fingerprint.substring(0, 16);
    }

    static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readPem(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new BackupException("backup.keys.missing", file);
        } catch (IOException e) {
            throw new BackupException(e, "backup.keys.unreadable", file, BackupException.describe(e));
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new BackupException("backup.keys.badKey", file, type);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new BackupException("backup.keys.badKey", file, type);
        }
    }
}
