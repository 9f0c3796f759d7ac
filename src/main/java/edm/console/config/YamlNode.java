package edm.console.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value of a parsed YAML (or JSON) file: a mapping, a sequence or a scalar. The config, compose and
 * checklist readers walk this tree rather than Jackson's {@code JsonNode}: building and binding that
 * one loaded some 400 classes of jackson-databind, a quarter of what {@code check} costs in CPU when a
 * config file exists. The accessors answer as {@code JsonNode}'s of the same name did (text of a
 * number is its decimal as parsed, {@code get} of a scalar is null, {@code path} of a missing key is a
 * missing value), so that every message built from them reads as before.
 */
public final class YamlNode {
    /** The kinds of value; MISSING is what {@link #path} returns for a key that is not there. */
    public enum Kind { MAPPING, SEQUENCE, TEXT, INTEGER, DECIMAL, BOOLEAN, NULL, MISSING }

    static final YamlNode NULL = new YamlNode(Kind.NULL, null);
    private static final YamlNode MISSING = new YamlNode(Kind.MISSING, null);
    private static final YamlNode TRUE = new YamlNode(Kind.BOOLEAN, Boolean.TRUE);
    private static final YamlNode FALSE = new YamlNode(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    /** Map of String to YamlNode, List of YamlNode, String, BigInteger, BigDecimal, Boolean or null, by kind. */
    private final Object value;

    private YamlNode(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /** A mapping, keys in file order (the map is kept, not copied: the reader fills it). */
    static YamlNode mapping(LinkedHashMap<String, YamlNode> entries) {
        return new YamlNode(Kind.MAPPING, entries);
    }

    static YamlNode sequence(List<YamlNode> elements) {
        return new YamlNode(Kind.SEQUENCE, elements);
    }

    static YamlNode text(String text) {
        return new YamlNode(Kind.TEXT, text);
    }

    static YamlNode integer(BigInteger number) {
        return new YamlNode(Kind.INTEGER, number);
    }

    static YamlNode decimal(BigDecimal number) {
        return new YamlNode(Kind.DECIMAL, number);
    }

    static YamlNode bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.MAPPING;
    }

    public boolean isArray() {
        return kind == Kind.SEQUENCE;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isTextual() {
        return kind == Kind.TEXT;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    /** A scalar, null included. */
    public boolean isValueNode() {
        return kind != Kind.MAPPING && kind != Kind.SEQUENCE && kind != Kind.MISSING;
    }

    /** The value of {@code key} in a mapping; null when absent or when this is no mapping. */
    public YamlNode get(String key) {
        return kind == Kind.MAPPING ? entries().get(key) : null;
    }

    /** Element {@code index} of a sequence; null when out of range or when this is no sequence. */
    public YamlNode get(int index) {
        return kind == Kind.SEQUENCE && index >= 0 && index < elements().size() ? elements().get(index) : null;
    }

    /** Like {@link #get(String)}, but a missing value instead of null. */
    public YamlNode path(String key) {
        YamlNode v = get(key);
        return v == null ? MISSING : v;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** Entries of a mapping or elements of a sequence; 0 for a scalar. */
    public int size() {
        return switch (kind) {
            case MAPPING -> entries().size();
            case SEQUENCE -> elements().size();
            default -> 0;
        };
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** A mapping's entries in file order; none for anything else. */
    public Set<Map.Entry<String, YamlNode>> properties() {
        return kind == Kind.MAPPING ? Collections.unmodifiableMap(entries()).entrySet() : Set.of();
    }

    /** A mapping's keys in file order; none for anything else. */
    public Set<String> fieldNames() {
        return kind == Kind.MAPPING ? Collections.unmodifiableSet(entries().keySet()) : Set.of();
    }

    /** The text of a scalar (a number as parsed, {@code true}, {@code null}); empty for a mapping, a sequence or a missing value. */
    public String asText() {
        return switch (kind) {
            case TEXT -> (String) value;
            case INTEGER, DECIMAL, BOOLEAN -> value.toString();
            case NULL -> "null";
            default -> "";
        };
    }

    /** A boolean's value; false for anything else. */
    public boolean booleanValue() {
        return kind == Kind.BOOLEAN && (Boolean) value;
    }

    /** A boolean's value, the text {@code true} or {@code false}, a number other than zero; {@code fallback} for anything else. */
    public boolean asBoolean(boolean fallback) {
        return switch (kind) {
            case BOOLEAN -> (Boolean) value;
            case TEXT -> "true".equals(((String) value).trim()) || !"false".equals(((String) value).trim()) && fallback;
            case INTEGER -> ((BigInteger) value).signum() != 0;
            case DECIMAL -> ((BigDecimal) value).signum() != 0;
            default -> fallback;
        };
    }

    /** A number's exact value; zero for anything else. */
    public BigDecimal decimalValue() {
        return switch (kind) {
            case INTEGER -> new BigDecimal((BigInteger) value);
            case DECIMAL -> (BigDecimal) value;
            default -> BigDecimal.ZERO;
        };
    }

    /** A number's value as a double; zero for anything else. */
    public double doubleValue() {
        return switch (kind) {
            case INTEGER -> ((BigInteger) value).doubleValue();
            case DECIMAL -> ((BigDecimal) value).doubleValue();
            default -> 0;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, YamlNode> entries() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    private List<YamlNode> elements() {
        return (List<YamlNode>) value;
    }
}
