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
            "checklist", "workflow");

    /**
     * Bundles come in English (the base file) and Simplified Chinese only, so only those are looked for:
     * the JDK's own candidates ({@code common_en}, {@code cli_zh}, ...) are never there, and each miss
     * searched every jar on the class path (the first one opened all ~35 of them before the first frame).
     * The result is the same bundle chain; no fallback to the JVM's default locale.
     */
    private static final ResourceBundle.Control CONTROL = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return Locale.SIMPLIFIED_CHINESE.equals(locale) ? List.of(Locale.SIMPLIFIED_CHINESE, Locale.ROOT) : List.of(Locale.ROOT);
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    };

    private static volatile Messages current = new Messages(Locale.ENGLISH);

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    /** Each key's pattern, looked up in the bundles once: the UI asks for the same strings every frame. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundles = BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle("i18n." + name, locale, Messages.class.getClassLoader(), CONTROL))
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

    /** One area's bundle ({@code cli}: picocli's help texts), looked up as the messages are. */
    public static ResourceBundle bundle(String name, Locale locale) throws MissingResourceException {
        return ResourceBundle.getBundle("i18n." + name, locale, Messages.class.getClassLoader(), CONTROL);
    }
}
