package edm.console.config;

import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a parsed config tree against the known settings: unknown keys, wrong types, missing values.
 * Returns a copy of the tree without the offending entries, so that binding it cannot fail and the
 * valid part of the file still applies. A list with a bad element is dropped as a whole (its default
 * stays), so that indexes in later messages still match the file.
 */
final class SchemaChecker {
    private final ProblemList problems;

    SchemaChecker(ProblemList problems) {
        this.problems = problems;
    }

    YamlNode check(YamlNode root) {
        return checkObject(root, ConsoleConfig.class, "");
    }

    private YamlNode checkObject(YamlNode node, Class<?> type, String path) {
        Map<String, SettingType> settings = SettingType.settingsOf(type);
        LinkedHashMap<String, YamlNode> clean = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : node.properties()) {
            String key = entry.getKey();
            String keyPath = ConfigPaths.child(path, key);
            SettingType t = settings.get(key);
            if (t == null) {
                reportUnknown(type, key, keyPath, settings);
                continue;
            }
            YamlNode value = checkValue(entry.getValue(), t, keyPath);
            if (value != null) {
                clean.put(key, value);
            }
        }
        return YamlNode.mapping(clean);
    }

    private void reportUnknown(Class<?> type, String key, String keyPath, Map<String, SettingType> settings) {
        Optional<String> near = ConfigSchema.closest(type, key);
        if (near.isPresent()) {
            problems.add(keyPath, "unknownKeySuggest", near.get());
            return;
        }
        Optional<String> elsewhere = ConfigSchema.elsewhere(key);
        if (elsewhere.isPresent()) {
            problems.add(keyPath, "unknownKeyElsewhere", elsewhere.get());
        } else {
            problems.add(keyPath, "unknownKey", String.join(", ", settings.keySet()));
        }
    }

    /**
     * The checked value, or null when it is unusable (the problem is then reported): text for a text
     * setting (a number or boolean as written), and a number that fits an int or long setting.
     */
    private YamlNode checkValue(YamlNode v, SettingType t, String path) {
        if (v.isNull()) {
            problems.add(path, "noValue", Messages.t(t.messageKey()));
            return null;
        }
        return switch (t.kind()) {
            case TEXT -> v.isValueNode() ? YamlNode.text(v.asText()) : wrongType(v, t, path);
            case BOOLEAN -> v.isBoolean() ? v : wrongType(v, t, path);
            case INT -> whole(v, t, path, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case LONG -> whole(v, t, path, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case DOUBLE -> v.isNumber() ? v : wrongType(v, t, path);
            case OBJECT -> v.isObject() ? checkObject(v, t.objectClass(), path) : wrongType(v, t, path);
            case LIST -> checkList(v, t, path);
        };
    }

    private YamlNode checkList(YamlNode v, SettingType t, String path) {
        if (!v.isArray()) {
            return wrongType(v, t, path);
        }
        List<YamlNode> clean = new ArrayList<>();
        boolean allUsable = true;
        for (int i = 0; i < v.size(); i++) {
            YamlNode element = checkValue(v.get(i), t.element(), ConfigPaths.element(path, i));
            if (element == null) {
                allUsable = false;
            } else {
                clean.add(element);
            }
        }
        return allUsable ? YamlNode.sequence(clean) : null;
    }

    private YamlNode whole(YamlNode v, SettingType t, String path, BigInteger min, BigInteger max) {
        if (!v.isNumber()) {
            return wrongType(v, t, path);
        }
        BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() > 0) {
            problems.add(path, "notWhole", d.toPlainString());
            return null;
        }
        BigInteger i = d.toBigInteger();
        if (i.compareTo(min) < 0 || i.compareTo(max) > 0) {
            problems.add(path, "tooLarge", i.toString(), max.toString());
            return null;
        }
        return YamlNode.integer(i);
    }

    private YamlNode wrongType(YamlNode v, SettingType t, String path) {
        problems.add(path, "wrongType", describe(v, path), Messages.t(t.messageKey()));
        return null;
    }

    /** What the file has, for "got ..., expected ..." messages; text is masked when it may hold a secret. */
    private static String describe(YamlNode v, String path) {
        if (v.isObject()) {
            return Messages.t("config.got.mapping");
        }
        if (v.isArray()) {
            return Messages.t("config.got.list");
        }
        if (v.isTextual()) {
            return Messages.t("config.got.text", Secrets.maskValue(ConfigPaths.leaf(path), v.asText()));
        }
        if (v.isBoolean()) {
            return Messages.t("config.got.boolean", v.asText());
        }
        return Messages.t("config.got.number", v.asText());
    }
}
