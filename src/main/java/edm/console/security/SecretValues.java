package edm.console.security;

import edm.console.core.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The env file's secret values to look for elsewhere: each secret-named variable's value, and the password of
 * each URL with one (DATABASE_URL's). One value set under several names is one secret, named by all of them.
 * Values shorter than {@link #MIN_LENGTH} are not searched: "edm" or "redis" would be found all over a project.
 */
final class SecretValues {
    static final int MIN_LENGTH = 8;
    private static final Pattern URL_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:([^@\\s]+)@");

    /** One secret: the value (never shown) and the variables that hold it, for the evidence. */
    record Secret(String names, String value) {
        @Override
        public String toString() {
            // A stray log line or assertion message must not print the value.
            return "Secret[" + names + "]";
        }
    }

    /** The secrets long enough to search, and the names of those too short to. */
    record Split(List<Secret> searched, List<String> tooShort) {
    }

    private SecretValues() {
    }

    static Split of(Map<String, String> env) {
        Map<String, List<String>> namesByValue = new LinkedHashMap<>();
        List<String> tooShort = new ArrayList<>();
        env.forEach((name, value) -> {
            List<String> values = new ArrayList<>();
            if (Secrets.isSecretName(name)) {
                values.add(value);
            } else {
                Matcher m = URL_PASSWORD.matcher(value);
                while (m.find()) {
                    values.add(m.group(1));
                }
            }
            for (String v : values) {
                if (v.isEmpty()) {
                    continue;
                }
                if (v.length() < MIN_LENGTH) {
                    tooShort.add(name);
                } else {
                    namesByValue.computeIfAbsent(v, k -> new ArrayList<>()).add(name);
                }
            }
        });
        List<Secret> searched = new ArrayList<>();
        namesByValue.forEach((value, names) -> searched.add(new Secret(String.join(", ", names), value)));
        return new Split(searched, tooShort);
    }
}
