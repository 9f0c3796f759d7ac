package edm.console.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How much randomness a secret can hold, without ever showing it: the bits its alphabet allows for its
 * length (hex 4 a character, base64 6, other printable 6.5). A value whose characters repeat far more than
 * random ones do (Shannon entropy below 3 bits a character; 64 random hex digits have about 3.8) counts only
 * its Shannon bits, so that a long run of one word does not pass as 32 random bytes.
 */
final class SecretStrength {
    /** SPEC-006 and the issue: at least 32 random bytes. */
    static final int WANTED_BITS = 256;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
    /** The spec's own example and the usual stand-ins someone forgets to replace. */
    private static final List<Pattern> PLACEHOLDERS = List.of(Pattern.compile("<.*>"), Pattern.compile("\\$\\{.*}"),
            Pattern.compile("(?i).*(changeme|change_me|change-me|placeholder|example|your[_-]?secret|secret[_-]?key|todo|xxx).*"),
            Pattern.compile("(?i)(secret|password|jwt[_-]?secret|test|default|123456.*|null|none)"));

    private SecretStrength() {
    }

    static boolean placeholder(String value) {
        String v = value.strip();
        return PLACEHOLDERS.stream().anyMatch(p -> p.matcher(v).matches());
    }

    static int bits(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        double perChar = HEX.matcher(value).matches() ? 4 : BASE64.matcher(value).matches() ? 6 : 6.5;
        String body = value.replaceAll("=+$", "");
        double h = shannon(body);
        return (int) Math.floor((h >= Math.min(3.0, 0.75 * perChar) ? perChar : h) * body.length());
    }

    /** Bits per character of the value's own character frequencies. */
    static double shannon(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int n = value.codePointCount(0, value.length());
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
