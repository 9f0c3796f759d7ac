package edm.console.sandbox;

import edm.console.core.Secrets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated secrets of one sandbox. They are generated once and then read back from
 * {@code .env.production}: the PostgreSQL data dir keeps the password it was initialised with.
 */
public record SandboxCredentials(String dbPassword, String jwtSecret) {
    public static final String DB_PASSWORD_KEY = "POSTGRES_PASSWORD";
    public static final String JWT_SECRET_KEY = "JWT_SECRET";

    public static SandboxCredentials generate(SecureRandom random) {
        return new SandboxCredentials(randomHex(random, 12), randomHex(random, 32));
    }

    /** The credentials found in a parsed env file, or null when one is missing or empty. */
    public static SandboxCredentials from(Map<String, String> env) {
        String pw = env.get(DB_PASSWORD_KEY);
        String jwt = env.get(JWT_SECRET_KEY);
        return pw == null || pw.isBlank() || jwt == null || jwt.isBlank() ? null : new SandboxCredentials(pw, jwt);
    }

    /** DATABASE_URL as used from the host, through the published port. */
    public String hostDatabaseUrl() {
        return databaseUrl("127.0.0.1", SandboxSpec.POSTGRES_PORT);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + SandboxSpec.POSTGRES_PORT + "/" + SandboxSpec.DB_NAME;
    }

    public String databaseUrl(String host, int port) {
        return "postgresql://" + SandboxSpec.DB_USER + ":" + dbPassword + "@" + host + ":" + port + "/" + SandboxSpec.DB_NAME;
    }

    /** The {@code .env.production} of the sandbox: SPEC-006's variables, pointing at the published ports. */
    public Map<String, String> envFileEntries() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_ENV", "production");
        env.put("API_BASE_URL", "/api");
        env.put("POSTGRES_USER", SandboxSpec.DB_USER);
        env.put(DB_PASSWORD_KEY, dbPassword);
        env.put("POSTGRES_DB", SandboxSpec.DB_NAME);
        env.put("DATABASE_URL", hostDatabaseUrl());
        env.put("REDIS_URL", "redis://127.0.0.1:" + SandboxSpec.REDIS_PORT);
        env.put(JWT_SECRET_KEY, jwtSecret);
        return env;
    }

    /** Environment of a service's container: inside the network the stack uses the aliases, as in SPEC-006. */
    public List<String> containerEnv(String service) {
        return switch (service) {
            case "postgres" -> List.of("POSTGRES_USER=" + SandboxSpec.DB_USER, DB_PASSWORD_KEY + "=" + dbPassword,
                    "POSTGRES_DB=" + SandboxSpec.DB_NAME);
            case "backend" -> List.of("NODE_ENV=production", "API_BASE_URL=/api",
                    "DATABASE_URL=" + databaseUrl("postgres", 5432), "REDIS_URL=redis://redis:6379",
                    JWT_SECRET_KEY + "=" + jwtSecret);
            case "frontend" -> List.of("NODE_ENV=production", "API_BASE_URL=/api");
            default -> List.of();
        };
    }

    @Override
    public String toString() {
        // Never let a stray log line print the secrets.
        return "SandboxCredentials[dbPassword=" + Secrets.MASK + ", jwtSecret=" + Secrets.MASK + "]";
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
