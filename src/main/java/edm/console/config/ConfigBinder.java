package edm.console.config;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the settings of a checked tree ({@link SchemaChecker}'s output) on the config objects, the way
 * Jackson's {@code readerForUpdating} did without jackson-databind: the top level over the defaults
 * given, a section or list element as a new object (its own defaults) with the file's values set, a
 * list as a new list. The checker guarantees every key is a public field of a type {@link SettingType} knows.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    /** Sets {@code checked}'s values on {@code target} and returns it. */
    static <T> T bind(YamlNode checked, T target) {
        Map<String, SettingType> settings = SettingType.settingsOf(target.getClass());
        for (Map.Entry<String, YamlNode> e : checked.properties()) {
            SettingType t = settings.get(e.getKey());
            try {
                Field f = target.getClass().getField(e.getKey());
                f.set(target, value(e.getValue(), t));
            } catch (ReflectiveOperationException | RuntimeException ex) {
                // Cannot happen for a checked tree; if it does, it is a bug in the checker, not the user's fault.
                throw new IllegalStateException("config tree passed the checks but does not bind: " + e.getKey() + ": " + ex, ex);
            }
        }
        return target;
    }

    private static Object value(YamlNode v, SettingType t) throws ReflectiveOperationException {
        return switch (t.kind()) {
            case TEXT -> v.asText();
            case BOOLEAN -> v.booleanValue();
            case INT -> v.decimalValue().intValueExact();
            case LONG -> v.decimalValue().longValueExact();
            case DOUBLE -> v.doubleValue();
            case OBJECT -> bind(v, newInstance(t.objectClass()));
            case LIST -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    list.add(value(v.get(i), t.element()));
                }
                yield list;
            }
        };
    }

    private static Object newInstance(Class<?> c) throws ReflectiveOperationException {
        try {
            return c.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(c.getSimpleName() + "() failed", e.getCause());
        }
    }
}
