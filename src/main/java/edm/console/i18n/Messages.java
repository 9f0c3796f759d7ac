package edm.console.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing string comes from here. Strings live in several bundles under {@code i18n/}
 * (one per area, so that areas can grow without editing one huge file); a key is looked up in each
 * bundle in turn. Bundles are UTF-8 properties files: {@code i18n/AREA.properties} (English) and
 * {@code i18n/AREA_zh_CN.properties}.
 */
public final class Messages {
    /** The areas, in lookup order. A new area needs its two files and an entry here. */
    public static final List<String> BUNDLES = List.of("common", "cli", "config", "ui", "sandbox", "health", "logs", "backup",
            "checklist", "workflow", "compose");

    private static volatile Messages current = new Messages(Locale.ENGLISH);

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    /** Each key's pattern, looked up in the bundles once: the UI asks for the same strings every frame. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.bundles = BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle("i18n." + name, locale, Messages.class.getClassLoader(), noFallback))
                .toList();
    }

    public static Messages current() {
        return current;
    }

    public static void use(Locale locale) {
        current = new Messages(locale);
    }

    /** Shorthand for {@code current().get(key, args)}. */
    public static String t(String key, Object... args) {
        return current.get(key, args);
    }

    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    public String get(String key, Object... args) {
        Template t = templates.computeIfAbsent(key, this::lookUp);
        if (t == null) {
            // A missing key is a bug, but the operator must still see something readable rather than a crash.
            return "!" + key + "!";
        }
        return args.length == 0 ? t.pattern() : t.format(args, locale);
    }

    private Template lookUp(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return Template.of(b.getString(key));
            }
        }
        return null;
    }

    public boolean has(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    static ResourceBundle bundle(String name, Locale locale) throws MissingResourceException {
        return ResourceBundle.getBundle("i18n." + name, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
