package edm.console.i18n;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static edm.console.i18n.LanguageResolver.ENGLISH;
import static edm.console.i18n.LanguageResolver.SIMPLIFIED_CHINESE;
import static edm.console.i18n.LanguageResolver.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageResolverTest {
    private static final Map<String, String> CHINESE_ENV = Map.of("LANG", "zh_CN.UTF-8");
    private static final Map<String, String> NO_ENV = Map.of();

    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void commandLineBeatsConfigWhichBeatsTheEnvironment() {
        assertEquals(ENGLISH, resolve("en", "zh-CN", CHINESE_ENV));
        assertEquals(SIMPLIFIED_CHINESE, resolve("zh-CN", "en", NO_ENV));
        assertEquals(ENGLISH, resolve(null, "en", CHINESE_ENV));
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, "zh", NO_ENV));
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, CHINESE_ENV));
        assertEquals(ENGLISH, resolve(null, null, NO_ENV));
    }

    @Test
    void autoAndBlankFallThroughToTheNextSource() {
        assertEquals(SIMPLIFIED_CHINESE, resolve("auto", "auto", CHINESE_ENV));
        assertEquals(SIMPLIFIED_CHINESE, resolve(" AUTO ", "", CHINESE_ENV));
        assertEquals(ENGLISH, resolve("auto", null, Map.of("LANG", "en_US.UTF-8")));
    }

    @Test
    void acceptsTheUsualSpellingsOfSimplifiedChinese() {
        for (String v : new String[] {"zh", "zh-CN", "zh_CN", "zh-Hans", "ZH-hans-cn", "zh-SG"}) {
            assertEquals(SIMPLIFIED_CHINESE, resolve(v, null, NO_ENV), v);
            assertTrue(LanguageResolver.isValidSetting(v), v);
        }
        assertEquals(ENGLISH, resolve("en_US", null, CHINESE_ENV));
        assertTrue(LanguageResolver.isValidSetting("auto"));
    }

    @Test
    void lcAllOverridesLcMessagesWhichOverridesLang() {
        assertEquals(ENGLISH, resolve(null, null, Map.of("LC_ALL", "C", "LC_MESSAGES", "zh_CN.UTF-8", "LANG", "zh_CN.UTF-8")));
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, Map.of("LC_ALL", "zh_CN.utf8", "LANG", "en_US.UTF-8")));
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "C.UTF-8")));
        assertEquals(ENGLISH, resolve(null, null, Map.of("LC_MESSAGES", "POSIX", "LANG", "zh_CN.UTF-8")));
        // POSIX: an empty variable counts as unset.
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, Map.of("LC_ALL", "", "LANG", "zh_CN.UTF-8")));
    }

    @Test
    void anyChineseLocaleInTheEnvironmentMeansSimplifiedChineseAndOtherLanguagesMeanEnglish() {
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, Map.of("LANG", "zh_TW.UTF-8")));
        assertEquals(SIMPLIFIED_CHINESE, resolve(null, null, Map.of("LANG", "zh")));
        assertEquals(ENGLISH, resolve(null, null, Map.of("LANG", "fr_FR.UTF-8")));
        assertEquals(ENGLISH, resolve(null, null, Map.of("LANG", "C")));
        assertEquals(ENGLISH, resolve(null, null, Map.of("LANG", "zhx_XX"))); // not "zh"
    }

    @Test
    void anUnknownExplicitValueIsAnErrorNamingWhereItCameFrom() {
        var e = assertThrows(LanguageResolver.UnknownLanguageException.class, () -> resolve("fr", null, CHINESE_ENV));
        assertEquals("--lang", e.source());
        assertEquals("fr", e.value());
        assertEquals("Unknown language 'fr' for --lang: use auto, en, zh-CN", e.getLocalizedMessage());
        assertFalse(e.getLocalizedMessage().contains("\n"));

        var c = assertThrows(LanguageResolver.UnknownLanguageException.class, () -> resolve(null, "zh-TW", NO_ENV));
        assertEquals("ui.language", c.source());
        assertFalse(LanguageResolver.isValidSetting("zh-TW"));
        assertFalse(LanguageResolver.isValidSetting(null));
    }

    @Test
    void theErrorSpeaksTheCurrentLanguage() {
        Messages.use(SIMPLIFIED_CHINESE);
        var e = assertThrows(LanguageResolver.UnknownLanguageException.class, () -> resolve("klingon", null, NO_ENV));
        assertEquals("--lang 的语言“klingon”无法识别：请使用 auto, en, zh-CN", e.getLocalizedMessage());
    }
}
