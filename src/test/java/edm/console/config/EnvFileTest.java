package edm.console.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSpecEnvFileInOrder() throws IOException {
        Path f = Files.writeString(dir.resolve(".env.production"), """
                # production
                NODE_ENV=production
                API_BASE_URL=/api

                export DATABASE_URL="postgresql://user:pass@postgres:5432/db"
                REDIS_URL = redis://redis:6379   # cache
                JWT_SECRET='a#b$c\\n'
                """);
        Map<String, String> values = EnvFile.read(f);
        assertEquals(List.of("NODE_ENV", "API_BASE_URL", "DATABASE_URL", "REDIS_URL", "JWT_SECRET"), List.copyOf(values.keySet()));
        assertEquals("production", values.get("NODE_ENV"));
        assertEquals("postgresql://user:pass@postgres:5432/db", values.get("DATABASE_URL"));
        assertEquals("redis://redis:6379", values.get("REDIS_URL"));
        assertEquals("a#b$c\\n", values.get("JWT_SECRET"), "single quotes are literal");
    }

    @Test
    void doubleQuotesHaveEscapesAndMaySpanLines() {
        EnvFile.Parsed p = EnvFile.parse(Path.of(".env"), List.of(
                "A=\"one\\ttwo \\\"q\\\"\" # comment",
                "KEY=\"-----BEGIN",
                "line2",
                "END-----\"",
                "B=pass#word",
                "C=",
                "D=x # trailing"));
        assertEquals("one\ttwo \"q\"", p.values().get("A"));
        assertEquals("-----BEGIN\nline2\nEND-----", p.values().get("KEY"));
        assertEquals("pass#word", p.values().get("B"), "a # inside a word is part of the value");
        assertEquals("", p.values().get("C"));
        assertEquals("x", p.values().get("D"));
        assertEquals(List.of(), p.problems());
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithTheirLine() {
        Path f = Path.of("/opt/edm/.env.production");
        EnvFile.Parsed p = EnvFile.parse(f, List.of("GOOD=1", "just words", "1BAD=x", "OPEN=\"never closed", "LATER=2"));
        assertEquals(Map.of("GOOD", "1"), p.values());
        assertEquals(List.of(
                f + ":2: expected NAME=value, got a line without an equals sign",
                f + ":3: '1BAD' is not a valid variable name, expected letters, digits and '_', not starting with a digit",
                f + ":4: OPEN: the quoted value is not closed, expected a closing \""),
                p.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void maskedHidesSecretsAndUrlPasswordsOnly() {
        Map<String, String> masked = EnvFile.masked(Map.of(
                "JWT_SECRET", "abc",
                "DATABASE_URL", "postgresql://user:pass@postgres:5432/db",
                "NODE_ENV", "production"));
        assertEquals("******", masked.get("JWT_SECRET"));
        assertEquals("postgresql://user:******@postgres:5432/db", masked.get("DATABASE_URL"));
        assertEquals("production", masked.get("NODE_ENV"));
    }
}
