package edm.console.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a parsed config tree against the known settings: unknown keys, wrong types, missing values.
 * Returns a copy of the tree without the offending entries, so that binding it cannot fail and the
 * valid part of the file still applies. A list with a bad element is dropped as a whole (its default
 * stays), so that indexes in later messages still match the file.
 */
final class SchemaChecker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ProblemList problems;

    SchemaChecker(ProblemList problems) {
        this.problems = problems;
    }

    ObjectNode check(JsonNode root) {
        return checkObject(root, ConsoleConfig.class, "");
    }

    private ObjectNode checkObject(JsonNode node, Class<?> type, String path) {
        Map<String, SettingType> settings = SettingType.settingsOf(type);
        ObjectNode clean = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String keyPath = ConfigPaths.child(path, key);
            SettingType t = settings.get(key);
            if (t == null) {
                reportUnknown(type, key, keyPath, settings);
                continue;
            }
            JsonNode value = checkValue(entry.getValue(), t, keyPath);
            if (value != null) {
                clean.set(key, value);
            }
        }
        return clean;
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

    /** The checked value, or null when it is unusable (the problem is then reported). */
    private JsonNode checkValue(JsonNode v, SettingType t, String path) {
        if (v.isNull()) {
            problems.add(path, "noValue", Messages.t(t.messageKey()));
            return null;
        }
        return switch (t.kind()) {
            case TEXT -> v.isValueNode() ? NODES.textNode(v.asText()) : wrongType(v, t, path);
            case BOOLEAN -> v.isBoolean() ? v : wrongType(v, t, path);
            case INT -> whole(v, t, path, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case LONG -> whole(v, t, path, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case DOUBLE -> v.isNumber() ? NODES.numberNode(v.doubleValue()) : wrongType(v, t, path);
            case OBJECT -> v.isObject() ? checkObject(v, t.objectClass(), path) : wrongType(v, t, path);
            case LIST -> checkList(v, t, path);
        };
    }

    private JsonNode checkList(JsonNode v, SettingType t, String path) {
        if (!v.isArray()) {
            return wrongType(v, t, path);
        }
        ArrayNode clean = NODES.arrayNode();
        boolean allUsable = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode element = checkValue(v.get(i), t.element(), ConfigPaths.element(path, i));
            if (element == null) {
                allUsable = false;
            } else {
                clean.add(element);
            }
        }
        return allUsable ? clean : null;
    }

    private JsonNode whole(JsonNode v, SettingType t, String path, BigInteger min, BigInteger max) {
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
        return t.kind() == SettingType.Kind.INT ? NODES.numberNode(i.intValue()) : NODES.numberNode(i.longValue());
    }

    private JsonNode wrongType(JsonNode v, SettingType t, String path) {
        problems.add(path, "wrongType", describe(v, path), Messages.t(t.messageKey()));
        return null;
    }

    /** What the file has, for "got ..., expected ..." messages; text is masked when it may hold a secret. */
    private static String describe(JsonNode v, String path) {
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
