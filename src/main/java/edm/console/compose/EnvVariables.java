package edm.console.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Adds variables an env file does not set yet (a generated stack's tags), leaving every line that is there as it is. */
public final class EnvVariables {
    private EnvVariables() {
    }

    /** @return true when the file changed (written atomically, the previous one kept as NAME.previous) */
    public static boolean addMissing(Path envFile, Map<String, String> values) throws IOException {
        String text = Files.exists(envFile) ? Files.readString(envFile) : "";
        Map<String, String> present = ComposeReader.env(envFile, Map.of());
        String changed = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!present.containsKey(e.getKey())) {
                changed = EnvEdit.set(changed, e.getKey(), e.getValue());
            }
        }
        if (changed.equals(text)) {
            return false;
        }
        AtomicText.replace(envFile, changed);
        return true;
    }
}
