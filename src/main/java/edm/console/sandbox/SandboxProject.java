package edm.console.sandbox;

import edm.console.backup.BackupKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's project dir, laid out like {@code /opt/edm} in SPEC-006: data, logs, backups, scripts,
 * {@code .env.production} and the console's {@code edm-console.yml}.
 */
public final class SandboxProject {
    /** Overrides the sandbox dir (tests use a dir under target/). */
    public static final String DIR_ENV = "EDM_SANDBOX_DIR";
    public static final String ENV_FILE = ".env.production";
    /** The sandbox's backup key pair, relative to its dir: backups are encrypted there as in production. */
    public static final String KEY_DIR = "keys";
    public static final String KEY_NAME = "edm-backup";
    static final List<String> LAYOUT = List.of("data/postgres", "data/redis", "data/uploads", "logs/nginx",
            "logs/backend", "logs/system", "backups/database", "backups/files", "scripts", "nginx/ssl", SandboxNginx.UPSTREAMS);

    private final Path dir;
    private boolean nginxChanged;

    public SandboxProject(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** $EDM_SANDBOX_DIR, else $XDG_DATA_HOME/edm-console/sandbox, else ~/.local/share/edm-console/sandbox. */
    public static Path defaultDir(Map<String, String> env, String userHome) {
        String explicit = env.get(DIR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return data.resolve("edm-console").resolve("sandbox");
    }

    public static SandboxProject fromEnvironment() {
        return new SandboxProject(defaultDir(System.getenv(), System.getProperty("user.home")));
    }

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(SandboxConfigFile.FILE_NAME);
    }

    public Path envFile() {
        return dir.resolve(ENV_FILE);
    }

    /** Creates the layout, keeps or generates the secrets, (re)writes edm-console.yml. Idempotent. */
    public SandboxCredentials prepare() {
        try {
            for (String sub : LAYOUT) {
                Files.createDirectories(dir.resolve(sub));
            }
            SandboxCredentials creds = Files.exists(envFile()) ? SandboxCredentials.from(parseEnv(Files.readString(envFile()))) : null;
            if (creds == null) {
                creds = SandboxCredentials.generate(new SecureRandom());
                writeAtomically(envFile(), envFileText(creds), true);
            }
            backupKeys();
            writeProjectFiles();
            return creds;
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.projectDir", dir, e.getMessage());
        }
    }

    /**
     * The generated files of the project dir, rewritten on every {@code up} (a file with the same content is
     * left alone). Files that the console or the operator own afterwards (the nginx upstream includes) are
     * written only when missing. Another generated project file (e.g. docker-compose.yml) belongs here.
     */
    private void writeProjectFiles() throws IOException {
        writeAtomically(configFile(), SandboxConfigFile.yaml(SandboxConfigFile.build(dir)), false);
        SandboxComposeFile.write(dir, envFile());
        writeAtomically(dir.resolve("scripts/health-check.sh"), healthCheckScript(), false);
        nginxChanged = writeIfChanged(dir.resolve(SandboxNginx.CONF), SandboxNginx.mainConfig());
        for (String service : SandboxNginx.PROXIED) {
            Path upstream = dir.resolve(SandboxNginx.upstreamFile(service));
            if (!Files.exists(upstream)) {
                writeAtomically(upstream, SandboxNginx.defaultUpstream(service), false);
                nginxChanged = true;
            }
        }
    }

    /** Whether the last {@link #prepare()} changed nginx's files (a running nginx must reload to see them). */
    boolean nginxConfigChanged() {
        return nginxChanged;
    }

    /**
     * Points a proxied service's upstream back at its canonical container (when the container it named is
     * gone, e.g. after {@code down}, nginx could not start).
     */
    void resetUpstream(String service) {
        try {
            writeAtomically(dir.resolve(SandboxNginx.upstreamFile(service)), SandboxNginx.defaultUpstream(service), false);
            nginxChanged = true;
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.projectDir", dir, e.getMessage());
        }
    }

    /** @return true when the file was (re)written */
    private static boolean writeIfChanged(Path target, String content) throws IOException {
        if (Files.exists(target) && Files.readString(target).equals(content)) {
            return false;
        }
        writeAtomically(target, content, false);
        return true;
    }

    /**
     * The backup key pair, made once and kept: public key 0644, private key 0600. The sandbox keeps its
     * private key in its own dir so that verify and the restore drill run there; production keeps it off
     * the server.
     */
    private void backupKeys() {
        Path keys = dir.resolve(KEY_DIR);
        if (!Files.exists(keys.resolve(KEY_NAME + ".pem")) || !Files.exists(keys.resolve(KEY_NAME + ".pub.pem"))) {
            try {
                Files.deleteIfExists(keys.resolve(KEY_NAME + ".pem"));
                Files.deleteIfExists(keys.resolve(KEY_NAME + ".pub.pem"));
            } catch (IOException e) {
                throw new SandboxException("sandbox.error.projectDir", dir, e.getMessage());
            }
            BackupKeys.writePair(BackupKeys.generate(), keys, KEY_NAME);
        }
    }

    /** Reads the credentials of an already prepared sandbox; null when there are none yet. */
    public SandboxCredentials credentials() {
        try {
            return Files.exists(envFile()) ? SandboxCredentials.from(parseEnv(Files.readString(envFile()))) : null;
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.projectDir", dir, e.getMessage());
        }
    }

    static String envFileText(SandboxCredentials creds) {
        StringBuilder sb = new StringBuilder("# EDM sandbox environment, generated by edm-console sandbox up.\n"
                + "# Sandbox-only secrets; URLs point at the ports published on 127.0.0.1.\n");
        creds.envFileEntries().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** KEY=VALUE lines; blank lines and # comments ignored, surrounding quotes removed. */
    static Map<String, String> parseEnv(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, eq).strip(), value);
        }
        return env;
    }

    private static String healthCheckScript() {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# Health check of the EDM sandbox (SPEC-006 scripts/health-check.sh).\nrc=0\n");
        for (SandboxService s : SandboxSpec.SERVICES) {
            if (s.http()) {
                sb.append("curl -fsS -o /dev/null --max-time 5 ").append(s.hostHealthUrl())
                        .append(" && echo \"").append(s.name()).append(" ok\" || { echo \"").append(s.name()).append(" FAILED\"; rc=1; }\n");
            }
        }
        return sb.append("exit $rc\n").toString();
    }

    /** Temp file, fsync, rename: a crash never leaves half a file. */
    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (secret) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } else if (target.toString().endsWith(".sh")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
