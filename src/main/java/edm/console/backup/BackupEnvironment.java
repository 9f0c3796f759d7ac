package edm.console.backup;

import edm.console.config.ConsoleConfig;
import edm.console.config.EnvFile;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a backup operation needs, resolved once from the config and the env file: where backups
 * go, how pg_dump runs and logs in, the public key, what the files backup holds, the policy. Tests build
 * one directly.
 *
 * @param pg        null when the database is not configured (files backups still work)
 * @param recipient null when backups are not encrypted (no backups.publicKey)
 * @param minTableShare a dump with fewer tables than this share of the live database's fails verification
 */
public record BackupEnvironment(Path projectDir, Map<BackupKind, Path> dirs, PgTools pg, BackupKeys.Recipient recipient,
                                List<Path> filePaths, int keepDaily, int keepWeekly, Map<BackupKind, Duration> maxAge,
                                Path privateKey, Clock clock, ZoneId zone, double minTableShare) {

    public Path dir(BackupKind kind) {
        return dirs.get(kind);
    }

    public PgTools requirePg() {
        if (pg == null) {
            throw new BackupException("backup.error.noDatabase");
        }
        return pg;
    }

    public BackupCatalogue catalogue() {
        return BackupCatalogue.scan(dirs);
    }

    public static Map<BackupKind, Duration> maxAges(ConsoleConfig.BackupSettings b) {
        Map<BackupKind, Duration> m = new EnumMap<>(BackupKind.class);
        m.put(BackupKind.DATABASE, Duration.ofHours(b.databaseMaxAgeHours));
        m.put(BackupKind.FILES, Duration.ofDays(b.filesMaxAgeDays));
        return m;
    }

    /**
     * From the config: the env file gives DATABASE_URL / POSTGRES_* unless backups.databaseUrl is set.
     * The gateway is only asked for in container mode.
     */
    public static BackupEnvironment from(ConsoleConfig c, Supplier<ContainerGateway> gateway, Clock clock) {
        ConsoleConfig.BackupSettings b = c.backups;
        Map<BackupKind, Path> dirs = new EnumMap<>(BackupKind.class);
        dirs.put(BackupKind.DATABASE, c.resolve(b.databaseDir));
        dirs.put(BackupKind.FILES, c.resolve(b.filesDir));
        Map<String, String> env = readEnv(c.resolve(c.envFile));
        PgTools pg = database(c, env, gateway);
        BackupKeys.Recipient recipient = b.publicKey.isBlank() ? null : BackupKeys.readPublic(c.resolve(b.publicKey));
        List<Path> paths = new ArrayList<>();
        b.filePaths.forEach(p -> paths.add(c.resolve(p)));
        paths.add(c.resolve(c.envFile));
        Path privateKey = b.privateKey.isBlank() ? null : c.resolve(b.privateKey);
        return new BackupEnvironment(c.projectPath(), dirs, pg, recipient, paths, b.keepDaily, b.keepWeekly, maxAges(b),
                privateKey, clock, ZoneId.systemDefault(), b.verifyMinTableShare);
    }

    private static PgTools database(ConsoleConfig c, Map<String, String> env, Supplier<ContainerGateway> gateway) {
        ConsoleConfig.BackupSettings b = c.backups;
        String url = !b.databaseUrl.isBlank() ? b.databaseUrl : env.get("DATABASE_URL");
        String source = !b.databaseUrl.isBlank() ? "backups.databaseUrl" : c.resolve(c.envFile) + ": DATABASE_URL";
        if ("host".equals(b.databaseMode)) {
            if (url == null || url.isBlank()) {
                return null;
            }
            return new PgTools(new HostPgRunner(), DbTarget.fromUrl(url, source));
        }
        DbTarget fromUrl = url == null || url.isBlank() ? null : DbTarget.fromUrl(url, source);
        String user = env.getOrDefault("POSTGRES_USER", fromUrl == null ? "" : fromUrl.user());
        String password = env.getOrDefault("POSTGRES_PASSWORD", fromUrl == null ? "" : fromUrl.password());
        String db = env.getOrDefault("POSTGRES_DB", fromUrl == null ? "" : fromUrl.database());
        if (db.isBlank()) {
            return null;
        }
        String container = c.service(b.databaseService).map(c::containerName)
                .orElseThrow(() -> new BackupException("backup.error.noService", b.databaseService));
        return new PgTools(new ContainerPgRunner(gateway.get(), container), new DbTarget(null, 0, user, password, db));
    }

    private static Map<String, String> readEnv(Path file) {
        try {
            return EnvFile.read(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.envFile", file, BackupException.describe(e));
        }
    }

    /** The private key for verify/restore: --key, else backups.privateKey; null when neither. */
    public BackupKeys.Identity identity(Path keyOption) {
        Path k = keyOption != null ? keyOption : privateKey;
        return k == null ? null : BackupKeys.readPrivate(k);
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
