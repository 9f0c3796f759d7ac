package edm.console.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-facing string comes from here. Strings live in several bundles under {@code i18n/}
 * (one per area, so that areas can grow without editing one huge file); a key is looked up in each
 * bundle in turn. Bundles are UTF-8 properties files: {@code i18n/AREA.properties} (English) and
 * {@code i18n/AREA_zh_CN.properties}.
 *
 * <p>The files are read directly, on the first look-up, and only those that exist: ResourceBundle looked
 * for {@code AREA_en} and {@code AREA_zh} too, and each miss searched every jar on the class path
 * (opening each one), which cost `check` (every 5 minutes from cron) as much CPU as its whole table.
 * A key is defined in one area only (BundleCompletenessTest), so the areas merge into one table.
 */
public final class Messages {
    /** The areas, in lookup order. A new area needs its two files and an entry here. */
    public static final List<String> BUNDLES = List.of("common", "cli", "config", "ui", "sandbox", "health", "logs", "backup",
            "checklist", "workflow", "compose", "security");

    /**
     * The locales that have files beside the English ones ({@code AREA_zh_CN.properties}): a new
     * language needs its files and an entry here.
     */
    static final Set<Locale> TRANSLATED = Set.of(Locale.SIMPLIFIED_CHINESE);

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
    /** Every area's strings in this language (English where it has none), read on the first look-up. */
    private volatile Map<String, String> strings;
    /** Each key's pattern, looked up in the bundles once: the UI asks for the same strings every frame. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
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
        String pattern = strings().get(key);
        return pattern == null ? null : Template.of(pattern);
    }

    /** Reads the strings now rather than at the first look-up (a warm-up thread, while the caller reads its config). */
    public void preload() {
        strings();
    }

    public boolean has(String key) {
        return strings().containsKey(key);
    }

    private Map<String, String> strings() {
        Map<String, String> s = strings;
        if (s == null) {
            synchronized (this) {
                s = strings;
                if (s == null) {
                    strings = s = load(locale);
                }
            }
        }
        return s;
    }

    /**
     * The English files, overlaid by the files of the most specific translated locale among the ones
     * ResourceBundle would have tried for {@code locale} (its candidate list without the default-locale
     * fallback): the same strings its no-fallback lookup gave, without looking for files that do not exist.
     */
    private static Map<String, String> load(Locale locale) {
        String suffix = "";
        for (Locale candidate : ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)
                .getCandidateLocales("i18n.common", locale)) {
            if (TRANSLATED.contains(candidate)) {
                suffix = "_" + candidate;
                break;
            }
        }
        Map<String, String> all = new HashMap<>(4096);
        for (String area : BUNDLES) {
            read("i18n/" + area + ".properties", all);
            if (!suffix.isEmpty()) {
                read("i18n/" + area + suffix + ".properties", all);
            }
        }
        return all;
    }

    private static void read(String resource, Map<String, String> into) {
        InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new MissingResourceException("no " + resource + " in the console's jar", Messages.class.getName(), resource);
        }
        Properties p = new Properties();
        try (in) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        p.forEach((k, v) -> into.put((String) k, (String) v));
    }

    /** One area's bundle ({@code cli}: picocli's help texts), looked up as the messages are. */
    public static ResourceBundle bundle(String name, Locale locale) throws MissingResourceException {
        return ResourceBundle.getBundle("i18n." + name, locale, Messages.class.getClassLoader(), CONTROL);
    }
}
