package edm.console.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The type of one setting, read by reflection from the {@link ConsoleConfig} classes, so that the
 * known keys and their types can never drift from the model: a new public field is a new setting.
 */
record SettingType(Kind kind, Class<?> objectClass, SettingType element) {

    enum Kind { TEXT, BOOLEAN, INT, LONG, DOUBLE, OBJECT, LIST }

    static SettingType of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new SettingType(Kind.LIST, null, of(p.getActualTypeArguments()[0]));
        }
        if (type == String.class) {
            return new SettingType(Kind.TEXT, null, null);
        }
        if (type == boolean.class || type == Boolean.class) {
            return new SettingType(Kind.BOOLEAN, null, null);
        }
        if (type == int.class || type == Integer.class) {
            return new SettingType(Kind.INT, null, null);
        }
        if (type == long.class || type == Long.class) {
            return new SettingType(Kind.LONG, null, null);
        }
        if (type == double.class || type == Double.class) {
            return new SettingType(Kind.DOUBLE, null, null);
        }
        if (type instanceof Class<?> c && !c.isPrimitive() && !c.getName().startsWith("java.")) {
            return new SettingType(Kind.OBJECT, c, null);
        }
        throw new IllegalArgumentException("ConsoleConfig has a setting of a type the loader does not know: " + type);
    }

    /** The settings of a config class: its public instance fields, in declaration order. */
    static Map<String, SettingType> settingsOf(Class<?> c) {
        Map<String, SettingType> settings = new LinkedHashMap<>();
        for (Field f : c.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && !Modifier.isStatic(m) && !f.isSynthetic()) {
                settings.put(f.getName(), of(f.getGenericType()));
            }
        }
        return settings;
    }

    /** Key of the translated description, {@code config.type.<kind>}. */
    String messageKey() {
        return "config.type." + kind.name().toLowerCase(Locale.ROOT);
    }
}
