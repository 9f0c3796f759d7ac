package edm.console.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what is a secret and masks it. Used for everything the console shows or writes:
 * env of containers, config show, audit and state files.
 */
public final class Secrets {
    /** Shown instead of a secret value; fixed length so that nothing about the secret leaks. */
    public static final String MASK = "******";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY|AUTH_KEY)S?$"
                    + "|(?i)^(PGPASSWORD|PWD_HASH|.*_PWD)$");

    /** {@code scheme://user:password@host} — the password part is group 2. */
    private static final Pattern URL_USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:)([^@\\s]*)(@)");

    private Secrets() {
    }

    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return SECRET_NAME.matcher(n).matches();
    }

    /** Masks the value when the name is secret, otherwise masks passwords embedded in URLs inside it. */
    public static String maskValue(String name, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretName(name) && !value.isEmpty()) {
            return MASK;
        }
        return maskUrlPasswords(value);
    }

    /** Masks a {@code NAME=value} line as found in container env and .env files. */
    public static String maskEnvEntry(String entry) {
        if (entry == null) {
            return null;
        }
        int eq = entry.indexOf('=');
        if (eq < 0) {
            return maskUrlPasswords(entry);
        }
        return entry.substring(0, eq + 1) + maskValue(entry.substring(0, eq), entry.substring(eq + 1));
    }

    public static String maskUrlPasswords(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        Matcher m = URL_USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2).isEmpty() ? m.group() : m.group(1) + MASK + m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
