package edm.console.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the UI language. Order: {@code --lang}, then config {@code ui.language}, then the POSIX
 * locale variables {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} (the first one that is set and
 * not empty decides, so {@code LC_ALL=C} means English even when {@code LANG=zh_CN.UTF-8}), then
 * English.
 *
 * <p>Only English and Simplified Chinese exist. From the environment any Chinese locale
 * ({@code zh_CN}, {@code zh_SG}, {@code zh_TW}, {@code zh_HK}) selects Simplified Chinese, since it is
 * a hint and Simplified Chinese is closer to a Traditional Chinese reader than English. An explicit
 * choice ({@code --lang} or {@code ui.language}) must name a language we have; {@code zh-TW} there
 * is an error rather than a silent substitute. GNU {@code LANGUAGE} is not consulted.
 */
public final class LanguageResolver {
    /** The values accepted for {@code --lang} and {@code ui.language}, as shown to the user. */
    public static final String SUPPORTED = "auto, en, zh-CN";

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;

    private LanguageResolver() {
    }

    /**
     * The language to use.
     *
     * @param cliLang    value of {@code --lang}, or null when not given
     * @param configLang value of {@code ui.language}, or null when not set
     * @param env        the process environment (usually {@code System.getenv()})
     * @throws UnknownLanguageException when {@code cliLang} or {@code configLang} is neither
     *                                  {@code auto} nor a supported language
     */
    public static Locale resolve(String cliLang, String configLang, Map<String, String> env) {
        Optional<Locale> chosen = explicit(cliLang, "--lang");
        if (chosen.isPresent()) {
            return chosen.get();
        }
        chosen = explicit(configLang, "ui.language");
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return fromEnvironment(env);
    }

    /** True when {@code value} is acceptable for {@code ui.language} / {@code --lang}; for config validation. */
    public static boolean isValidSetting(String value) {
        return value != null && (isAuto(value) || parseExplicit(value).isPresent());
    }

    /** The language the POSIX locale variables ask for; English when none is set or it is not Chinese. */
    public static Locale fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env == null ? null : env.get(name);
            if (value != null && !value.isBlank()) {
                return posixLanguage(value).equals("zh") ? SIMPLIFIED_CHINESE : ENGLISH;
            }
        }
        return ENGLISH;
    }

    private static Optional<Locale> explicit(String value, String source) {
        if (value == null || value.isBlank() || isAuto(value)) {
            return Optional.empty();
        }
        Optional<Locale> locale = parseExplicit(value);
        if (locale.isEmpty()) {
            throw new UnknownLanguageException(source, value.trim());
        }
        return locale;
    }

    private static boolean isAuto(String value) {
        return value.trim().equalsIgnoreCase("auto");
    }

    /** en, en-US, en_GB …; zh, zh-CN, zh_CN, zh-SG, zh-Hans, zh-Hans-CN (any case). */
    static Optional<Locale> parseExplicit(String value) {
        String v = value.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.matches("en-[a-z]{2}")) {
            return Optional.of(ENGLISH);
        }
        if (v.equals("zh") || v.equals("zh-cn") || v.equals("zh-sg") || v.equals("zh-hans")
                || v.equals("zh-hans-cn") || v.equals("zh-hans-sg")) {
            return Optional.of(SIMPLIFIED_CHINESE);
        }
        return Optional.empty();
    }

    /** "zh_CN.UTF-8@x" → "zh"; "C", "POSIX", "C.UTF-8" → "c"/"posix". */
    private static String posixLanguage(String value) {
        String v = value.trim();
        int end = v.length();
        for (char stop : new char[] {'_', '-', '.', '@'}) {
            int at = v.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return v.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** An explicit language setting names a language we do not have. */
    public static final class UnknownLanguageException extends IllegalArgumentException {
        private final String source;
        private final String value;

        public UnknownLanguageException(String source, String value) {
            super("Unknown language '" + value + "' for " + source + ": use " + SUPPORTED);
            this.source = source;
            this.value = value;
        }

        /** Where the value came from: {@code --lang} or {@code ui.language}. */
        public String source() {
            return source;
        }

        public String value() {
            return value;
        }

        /** One line for the user, in the current UI language (key {@code common.error.unknown_language}). */
        @Override
        public String getLocalizedMessage() {
            return Messages.t("common.error.unknown_language", source, value, SUPPORTED);
        }
    }
}
