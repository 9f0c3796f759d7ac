package edm.console.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The known settings (from {@link ConsoleConfig} by reflection) and suggestions for mistyped keys. */
final class ConfigSchema {
    private ConfigSchema() {
    }

    /**
     * Every setting that holds a value, as a dotted path with {@code []} for list elements:
     * {@code thresholds.diskPercent}, {@code services[].name}, {@code logs.files}.
     */
    static List<String> leafPaths() {
        List<String> paths = new ArrayList<>();
        collect(ConsoleConfig.class, "", paths);
        return paths;
    }

    private static void collect(Class<?> c, String prefix, List<String> out) {
        for (Map.Entry<String, SettingType> e : SettingType.settingsOf(c).entrySet()) {
            String path = ConfigPaths.child(prefix, e.getKey());
            SettingType t = e.getValue();
            if (t.kind() == SettingType.Kind.OBJECT) {
                collect(t.objectClass(), path, out);
            } else if (t.kind() == SettingType.Kind.LIST && t.element().kind() == SettingType.Kind.OBJECT) {
                collect(t.element().objectClass(), path + "[]", out);
            } else {
                out.add(path);
            }
        }
    }

    /** The known key of {@code c} closest to {@code unknown}: same words in another spelling, or a small typo. */
    static Optional<String> closest(Class<?> c, String unknown) {
        String wanted = normalise(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : SettingType.settingsOf(c).keySet()) {
            if (normalise(known).equals(wanted)) {
                return Optional.of(known); // disk-percent, disk_percent, DiskPercent → diskPercent
            }
            int d = distance(wanted, normalise(known));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= allowedTypos(wanted) ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * When a key is a known setting of another section ({@code diskPercent} at the top instead of
     * under {@code thresholds}), the path where it belongs.
     */
    static Optional<String> elsewhere(String unknown) {
        String wanted = normalise(unknown);
        return leafPaths().stream()
                .filter(p -> normalise(ConfigPaths.leaf(p)).equals(wanted))
                .findFirst();
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static int allowedTypos(String key) {
        return key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
