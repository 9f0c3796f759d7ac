package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a child JVM with LANG=zh_CN.UTF-8 on a server where that locale is not installed
 * (SSH forwards the client's LANG): the JVM's own encoding falls back to ASCII, and the output must
 * still be the UTF-8 the terminal expects, in Chinese and for non-ASCII text in English.
 */
class Utf8OutputIT {
    @TempDir
    Path dir;

    record Run(int code, byte[] out, String installedLocales) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Run console(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/classes" + File.pathSeparator + "target/lib/*", "edm.console.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("JAVA_TOOL"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, installedLocales());
    }

    private static String installedLocales() {
        try {
            Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return s.replace('\n', ' ').trim();
        } catch (IOException | InterruptedException e) {
            return "(locale -a: " + e.getMessage() + ")";
        }
    }

    @Test
    void chineseHelpIsUtf8WithoutTheZhCnLocale() throws Exception {
        Run r = console(Map.of("LANG", "zh_CN.UTF-8"), "--help");
        String why = "installed locales: " + r.installedLocales() + "\n" + r.text();
        assertEquals(0, r.code(), why);
        assertTrue(r.text().contains("用法"), why);
        assertTrue(r.text().contains("配置文件"), why);
        assertFalse(r.text().contains("??"), why);

        Run sub = console(Map.of("LANG", "zh_CN.UTF-8"), "backup", "--help");
        assertTrue(sub.text().contains("用法") && !sub.text().contains("??"), sub.text());
    }

    @Test
    void englishOutputKeepsItsNonAsciiCharacters() throws Exception {
        Path config = dir.resolve("edm-console.yml");
        Files.writeString(config, "projectDir: " + dir + "\n");
        Files.createDirectories(dir.resolve("checklists"));
        Files.writeString(dir.resolve("checklists/site.yml"), "title: Vérification du site — 本站检查\nitems:\n  - title: 证书有效\n");
        Run r = console(Map.of("LANG", "en_US.UTF-8"), "--config", config.toString(), "checklist", "list");
        String why = "installed locales: " + r.installedLocales() + "\n" + r.text();
        assertEquals(0, r.code(), why);
        assertTrue(r.text().contains("Vérification du site — 本站检查"), why);
        assertTrue(r.text().contains("pre-deploy"), why);
    }

    @Test
    void anExplicitOtherCharacterSetIsHonoured() throws Exception {
        Run r = console(Map.of("LANG", "zh_CN.GB18030"), "--help");
        assertTrue(new String(r.out(), "GB18030").contains("用法"), new String(r.out(), "GB18030"));
    }
}
