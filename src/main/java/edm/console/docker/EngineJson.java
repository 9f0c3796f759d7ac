package edm.console.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's JSON as maps (in the engine's order), lists, strings, numbers, booleans and nulls, read with
 * jackson-core's parser alone: databind's object mapping (some 600 classes to set up, plus docker-java's
 * models) is not worth it for the few fields the console reads. Public for the readers of answers that have
 * no record in this package (edm.console.swarm). The accessors take what the engine may leave
 * out or send as null, and give the empty value for it.
 */
public final class EngineJson {
    /** One factory: it holds the parser's symbol tables, worth sharing across answers. */
    static final JsonFactory FACTORY = new JsonFactory();

    private EngineJson() {
    }

    public static Object parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new IOException("empty answer");
            }
            return value(p);
        }
    }

    /** The value at the parser's current token (which it consumes). */
    public static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON " + t);
        }
    }

    public static Map<?, ?> object(Object o) throws IOException {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IOException("unexpected JSON: " + (o == null ? "null" : o.getClass().getSimpleName()) + " for an object");
    }

    /** The object under {@code key}, or an empty one when missing or null. */
    public static Map<?, ?> obj(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Map<?, ?> v ? v : Map.of();
    }

    public static List<?> list(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof List<?> v ? v : null;
    }

    /** The string under {@code key}, or null when missing, null or not a string. */
    public static String str(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof String s ? s : null;
    }

    /** The number under {@code key}, or null. */
    public static Long num(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Number n ? n.longValue() : null;
    }

    public static Boolean bool(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Boolean b ? b : null;
    }

    /** A JSON object of strings (labels, attributes) as a map, keys in the engine's order; null when missing. */
    public static Map<String, String> strings(Map<?, ?> m, String key) {
        if (!(m != null && m.get(key) instanceof Map<?, ?> v)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.forEach((k, val) -> out.put(text(k), val == null ? null : text(val)));
        return out;
    }

    /** A JSON array of strings; null when missing. */
    public static String[] stringArray(Map<?, ?> m, String key) {
        List<?> l = list(m, key);
        return l == null ? null : l.stream().map(o -> o == null ? null : text(o)).toArray(String[]::new);
    }

    public static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    public static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
