package edm.console.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every area's English and Chinese bundles must have the same keys, non-empty values, and the same
 * MessageFormat arguments; a key must not be defined twice in one file or in two areas (lookup
 * would silently pick the first). Generic over {@link Messages#BUNDLES}, so it covers areas that
 * other people fill.
 */
class BundleCompletenessTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*(,[^}]*)?}");

    @Test
    void everyAreaHasTheSameKeysInBothLanguagesWithMatchingArgumentsAndNoEmptyValues() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String area : Messages.BUNDLES) {
            String en = "i18n/" + area + ".properties";
            String zh = "i18n/" + area + "_zh_CN.properties";
            Map<String, String> english = load(en, problems);
            Map<String, String> chinese = load(zh, problems);
            if (english == null || chinese == null) {
                continue;
            }
            missing(english.keySet(), chinese.keySet(), zh, problems);
            missing(chinese.keySet(), english.keySet(), en, problems);
            checkValues(en, english, problems);
            checkValues(zh, chinese, problems);
            for (String key : english.keySet()) {
                if (chinese.containsKey(key)) {
                    Set<Integer> a = arguments(english.get(key));
                    Set<Integer> b = arguments(chinese.get(key));
                    if (!a.equals(b)) {
                        problems.add(area + ": key '" + key + "' has arguments " + a + " in English but " + b + " in Chinese");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " bundle problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void noKeyIsDefinedInTwoAreas() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String area : Messages.BUNDLES) {
            Map<String, String> english = load("i18n/" + area + ".properties", problems);
            if (english == null) {
                continue;
            }
            for (String key : english.keySet()) {
                String first = owner.putIfAbsent(key, area);
                if (first != null) {
                    problems.add("key '" + key + "' is in both " + first + " and " + area + " (the " + first + " one wins)");
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theCheckerFindsArgumentsAndIgnoresQuotedBraces() {
        assertEquals(Set.of(0, 1), arguments("{0} of {1,number,#}"));
        assertEquals(Set.of(), arguments("no arguments '{0}' here"));
        assertEquals(Set.of(2), arguments("it''s {2}"));
    }

    private static void missing(Set<String> present, Set<String> other, String file, List<String> problems) {
        for (String key : new TreeSet<>(present)) {
            if (!other.contains(key)) {
                problems.add(file + ": missing key '" + key + "'");
            }
        }
    }

    private static void checkValues(String file, Map<String, String> values, List<String> problems) {
        values.forEach((key, value) -> {
            if (value.isBlank()) {
                problems.add(file + ": key '" + key + "' has an empty value");
                return;
            }
            if (value.contains("''") && arguments(value).isEmpty()) {
                // Without arguments Messages returns the value as is, so '' would show doubled.
                problems.add(file + ": key '" + key + "' has '' but no arguments; write a single '");
            }
            if (value.contains("{")) {
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": key '" + key + "' is not a valid MessageFormat pattern: " + e.getMessage());
                }
                if (value.replace("''", "").contains("'") && !arguments(value).isEmpty()) {
                    // MessageFormat treats a single ' as a quote: "can't {0}" would print "cant {0}".
                    problems.add(file + ": key '" + key + "' has a single ' in a pattern with arguments; write ''");
                }
            }
        });
    }

    /** Argument indices in a MessageFormat pattern, skipping quoted text ('...') and escaped quotes (''). */
    static Set<Integer> arguments(String pattern) {
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted) {
                unquoted.append(c);
            }
        }
        Set<Integer> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted);
        while (m.find()) {
            args.add(Integer.parseInt(m.group(1)));
        }
        return args;
    }

    /** The file as key → value, or null (with a problem recorded) when absent, not UTF-8, or with duplicate keys. */
    private static Map<String, String> load(String resource, List<String> problems) throws IOException {
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                problems.add(resource + ": file is missing");
                return null;
            }
            Map<String, String> values = new TreeMap<>();
            Properties p = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (values.put((String) key, (String) value) != null) {
                        problems.add(resource + ": key '" + key + "' is defined twice");
                    }
                    return super.put(key, value);
                }
            };
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            try {
                p.load(reader);
            } catch (CharacterCodingException e) {
                problems.add(resource + ": not valid UTF-8");
                return null;
            }
            return values;
        }
    }
}
