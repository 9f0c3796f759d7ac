package edm.console.i18n;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written number formatting and pattern filling used every frame print exactly what
 * DecimalFormat / MessageFormat printed before, in both languages, over ordinary, tie, negative,
 * NaN and huge values.
 */
class FastFormattingTest {
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, LanguageResolver.SIMPLIFIED_CHINESE);

    private static List<Double> values() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 1.05, 2.675, 85.25, 99.95,
                99.94999, 1023.95, -0.04, -0.05, -0.06, -1.25, -85.35, 1e-9, -1e-9, 1e8 + 0.05, 1e9 + 0.05, 123456789.45,
                987654321012.35, 1e14 + 0.25, 9.99e14, 1e15, 1e15 + 1, 1.2345678901234567e17, 1e20, 1e300, -1e300,
                Double.MAX_VALUE, Double.MIN_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        for (int i = -20_000; i <= 20_000; i++) {
            v.add(i / 100.0);
            v.add(i / 1000.0);
            v.add(i * 0.05);
        }
        Random r = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            v.add(r.nextDouble() * 200 - 100);
            v.add(r.nextGaussian() * 1e6);
            v.add(Math.scalb(r.nextDouble(), r.nextInt(80) - 20));
        }
        return v;
    }

    @Test
    void oneDecimalIsWhatDecimalFormatPrinted() {
        for (Locale locale : LOCALES) {
            Format f = Format.of(locale, ZoneId.of("UTC"));
            for (double d : values()) {
                assertEquals(f.decimalFormatOneDecimal(d), f.oneDecimal(d), locale + " " + d);
            }
        }
    }

    @Test
    void twoDecimalsAreWhatStringFormatPrinted() {
        for (Locale locale : LOCALES) {
            Format f = Format.of(locale, ZoneId.of("UTC"));
            for (double d : values()) {
                assertEquals(String.format(locale, "%.2f", d), f.twoDecimals(d), locale + " " + d);
            }
            for (double d : new double[] {1.005, 0.125, 0.005, 2.675, 1e-5, 9999999.995, 1e7, 1.0E-4}) {
                assertEquals(String.format(locale, "%.2f", d), f.twoDecimals(d), locale + " " + d);
            }
        }
    }

    @Test
    void numbersAreWhatNumberFormatPrinted() {
        for (Locale locale : LOCALES) {
            Format f = Format.of(locale, ZoneId.of("UTC"));
            for (long n : new long[] {0, 1, -1, 999, -999, 1000, -1000, 123456, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertEquals(java.text.NumberFormat.getIntegerInstance(locale).format(n), f.number(n), locale + " " + n);
            }
        }
    }

    @Test
    void filledPatternsAreWhatMessageFormatPrinted() {
        List<String> patterns = List.of("{0}", "{0}%", "{0} {1}", "{1} of {0}", "x{0}y{0}z", "", "no args", "{10}",
                "it''s {0}", "'{0}' {1}", "{0,number,#.#}", "{0,choice,0#none|1#one|1<many}", "{ 0}", "a}b", "{0",
                "{0} 个容器，{1} 个运行中", "{0}（{1}）");
        Object[][] argSets = {
            {}, {"a"}, {"a", "b"}, {5, 7}, {-5, 999}, {1000, -1000}, {123456L, "x"}, {1.5, 2.0}, {null, "b"},
            {"{1}", "'q'"}, {(short) 3, (byte) 4}, {Integer.MAX_VALUE, Long.MIN_VALUE},
        };
        for (Locale locale : LOCALES) {
            for (String p : patterns) {
                Template t = Template.of(p);
                for (Object[] args : argSets) {
                    String expected;
                    try {
                        expected = new MessageFormat(p, locale).format(args);
                    } catch (IllegalArgumentException e) {
                        continue; // not a pattern MessageFormat takes (nor does a bundle hold it)
                    }
                    String actual = args.length == 0 ? t.pattern() : t.format(args, locale);
                    if (args.length == 0) {
                        continue; // Messages returns the pattern unformatted without arguments, as before
                    }
                    assertEquals(expected, actual, locale + " " + p + " " + java.util.Arrays.toString(args));
                }
            }
        }
    }

    @Test
    void everyBundleStringFillsAsMessageFormatDid() {
        Object[][] argSets = {{"a", 7, "c", -3, "e", "f"}, {1, 2, 3, 4, 5, 6}, {1234, 2.5, 30L, 4, 5, 6}};
        int compared = 0;
        for (Locale locale : LOCALES) {
            for (String bundle : Messages.BUNDLES) {
                java.util.ResourceBundle b = Messages.bundle(bundle, locale);
                for (String key : b.keySet()) {
                    String p = b.getString(key);
                    for (Object[] args : argSets) {
                        String expected;
                        try {
                            expected = new MessageFormat(p, locale).format(args);
                        } catch (IllegalArgumentException e) {
                            continue; // a {0,number} placeholder given a word
                        }
                        assertEquals(expected, Template.of(p).format(args, locale), locale + " " + key);
                        compared++;
                    }
                }
            }
        }
        assertEquals(true, compared > 1000, "compared " + compared);
    }
}
