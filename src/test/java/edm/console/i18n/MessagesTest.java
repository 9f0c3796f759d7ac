package edm.console.i18n;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aMissingKeyShowsAVisibleMarkerInsteadOfFailing() {
        assertEquals("!no.such.key!", Messages.t("no.such.key"));
        assertEquals("!no.such.key!", Messages.t("no.such.key", "an argument", 42));
        assertFalse(Messages.current().has("no.such.key"));
    }

    @Test
    void useSwitchesTheLanguageOfT() {
        Messages.use(LanguageResolver.SIMPLIFIED_CHINESE);
        assertEquals("运行中", Messages.t("common.status.RUNNING"));
        assertTrue(Messages.current().chinese());
        Messages.use(Locale.ENGLISH);
        assertEquals("running", Messages.t("common.status.RUNNING"));
    }

    @Test
    void argumentsAreFilledInAndDoubledQuotesBecomeOne() {
        assertEquals("Unknown language 'fr' for --lang: use auto, en, zh-CN",
                Messages.t("common.error.unknown_language", "--lang", "fr", LanguageResolver.SUPPORTED));
    }

    @Test
    void englishIsUsedForALanguageWithoutBundles() {
        // ResourceBundle's no-fallback control still falls back to the base (English) files.
        assertEquals("running", new Messages(Locale.FRENCH).get("common.status.RUNNING"));
    }
}
