package edm.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"JWT_SECRET", "API_TOKEN", "POSTGRES_PASSWORD", "redis-password", "db.passwd", "AWS_ACCESS_KEY",
            "STRIPE_API_KEY", "PGPASSWORD", "SSH_PRIVATE_KEY", "GITHUB_TOKENS", "client_secret"})
    void secretNames(String name) {
        assertTrue(Secrets.isSecretName(name), name);
        assertEquals(Secrets.MASK, Secrets.maskValue(name, "hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NODE_ENV", "API_BASE_URL", "PATH", "SECRETARY_NAME", "TOKENIZER", "KEYBOARD"})
    void ordinaryNames(String name) {
        assertFalse(Secrets.isSecretName(name), name);
        assertEquals("value", Secrets.maskValue(name, "value"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DATABASE_URL=postgresql://user:pass@postgres:5432/db|DATABASE_URL=postgresql://user:******@postgres:5432/db",
            "REDIS_URL=redis://:s3cr3t@redis:6379|REDIS_URL=redis://:******@redis:6379",
            "REDIS_URL=redis://redis:6379|REDIS_URL=redis://redis:6379",
            "JWT_SECRET=abc=def|JWT_SECRET=******",
            "NODE_ENV=production|NODE_ENV=production",
            "A=x https://u:p@h/ and amqp://a:b@c|A=x https://u:******@h/ and amqp://a:******@c"})
    void envEntries(String raw, String masked) {
        assertEquals(masked, Secrets.maskEnvEntry(raw));
    }
}
