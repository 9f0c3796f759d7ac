package edm.console.i18n;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * The character set the console writes to the terminal in. UTF-8, unless the locale environment
 * explicitly names another one: the first of {@code LC_ALL}, {@code LC_CTYPE}, {@code LANG} that is
 * set decides, as in POSIX, and only its code set part counts ({@code zh_CN.GB18030} → GB18030).
 *
 * <p>Why not the JVM's default: it comes from the C library's locale, and a locale that is not
 * installed on the server (common: SSH forwards the client's {@code LANG=zh_CN.UTF-8}) falls back to
 * ASCII, which prints every Chinese character, and every non-ASCII character of English text, as
 * {@code ?}. {@code C}, {@code POSIX} or no code set say nothing about the terminal, so UTF-8 it is.
 */
public final class OutputCharset {
    private OutputCharset() {
    }

    public static Charset of(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env == null ? null : env.get(name);
            if (value != null && !value.isBlank()) {
                return named(value.trim());
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** "zh_CN.UTF-8@x" → UTF-8; "en_US.ISO-8859-1" → ISO-8859-1; "C", "en_US" or an unknown code set → UTF-8. */
    private static Charset named(String locale) {
        int dot = locale.indexOf('.');
        if (dot < 0) {
            return StandardCharsets.UTF_8;
        }
        int at = locale.indexOf('@', dot);
        String codeset = locale.substring(dot + 1, at < 0 ? locale.length() : at).toLowerCase(Locale.ROOT);
        if (codeset.equals("utf8") || codeset.equals("utf-8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(codeset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
