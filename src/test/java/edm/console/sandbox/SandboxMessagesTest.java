package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sandbox message key used in the code exists in English and Chinese, and the two bundles match. */
class SandboxMessagesTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = SandboxMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void keysUsedInSourcesExistInBothBundles() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(sandbox\\.(?:error|progress|status)\\.[A-Za-z]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/edm/console/sandbox"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 20, used.toString());
        Properties en = load("sandbox.properties");
        Properties zh = load("sandbox_zh_CN.properties");
        for (String k : used) {
            assertTrue(en.containsKey(k), "English lacks " + k);
            assertTrue(zh.containsKey(k), "Chinese lacks " + k);
        }
        assertEquals(en.keySet(), zh.keySet());
    }
}
