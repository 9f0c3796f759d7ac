package edm.console.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A theme: for each semantic {@link Style}, a foreground, background and SGR set, read from a
 * Lanterna-style properties file ({@code ok.foreground = green}, {@code critical.sgr = BOLD,REVERSE};
 * colours are whatever {@link TextColor.Factory#fromString} accepts: names, {@code #rrggbb}, 0-255).
 * Built-in themes live in {@code themes/} at the repo root and inside the jar.
 */
public final class Theme {
    public static final List<String> BUILT_IN = List.of("dark", "light", "high-contrast");

    private final String name;
    private final Map<Style, Look> looks;

    public record Look(TextColor foreground, TextColor background, Set<SGR> sgr) {
    }

    private Theme(String name, Map<Style, Look> looks) {
        this.name = name;
        this.looks = looks;
    }

    public String name() {
        return name;
    }

    public Look look(Style style) {
        return looks.get(style);
    }

    /** A built-in name or a path to a .properties file. Throws ThemeException with a one-line reason. */
    public static Theme load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            try (InputStream in = Theme.class.getClassLoader().getResourceAsStream("themes/" + nameOrPath + ".properties")) {
                if (in == null) {
                    throw new ThemeException(Messages.t("theme.missingBuiltIn", "themes/" + nameOrPath + ".properties"));
                }
                return parse(nameOrPath, new InputStreamReader(in, StandardCharsets.UTF_8), "themes/" + nameOrPath + ".properties");
            } catch (IOException e) {
                throw new ThemeException(Messages.t("theme.cannotRead", "themes/" + nameOrPath + ".properties", e.getMessage()));
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new ThemeException(Messages.t("theme.noSuchTheme", nameOrPath, String.join(", ", BUILT_IN)));
        }
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return parse(p.getFileName().toString().replaceFirst("\\.properties$", ""), r, p.toString());
        } catch (IOException e) {
            throw new ThemeException(Messages.t("theme.cannotRead", p, e.getMessage()));
        }
    }

    static Theme parse(String name, Reader reader, String source) throws IOException {
        Properties props = new Properties();
        props.load(reader);
        List<String> problems = new ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            if (!knownKey(key)) {
                problems.add(Messages.t("theme.unknownKey", key, styleKeys()));
            }
        }
        Map<Style, Look> looks = new EnumMap<>(Style.class);
        TextColor defaultFg = color(props, "normal.foreground", TextColor.ANSI.DEFAULT, problems);
        TextColor defaultBg = color(props, "normal.background", TextColor.ANSI.DEFAULT, problems);
        for (Style s : Style.values()) {
            String k = s.themeKey();
            TextColor fg = color(props, k + ".foreground", defaultFg, problems);
            TextColor bg = color(props, k + ".background", defaultBg, problems);
            looks.put(s, new Look(fg, bg, sgr(props.getProperty(k + ".sgr", ""), k + ".sgr", problems)));
        }
        if (!problems.isEmpty()) {
            throw new ThemeException(problems.size() > 1 ? Messages.t("theme.problems", source, problems.get(0), problems.size() - 1)
                    : source + ": " + problems.get(0));
        }
        return new Theme(name, looks);
    }

    private static boolean knownKey(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String style = key.substring(0, dot);
        String attr = key.substring(dot + 1);
        return List.of("foreground", "background", "sgr").contains(attr)
                && EnumSet.allOf(Style.class).stream().anyMatch(s -> s.themeKey().equals(style));
    }

    private static String styleKeys() {
        return String.join(", ", EnumSet.allOf(Style.class).stream().map(Style::themeKey).toList());
    }

    private static TextColor color(Properties p, String key, TextColor fallback, List<String> problems) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        TextColor c;
        try {
            c = TextColor.Factory.fromString(v.trim());
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null) {
            problems.add(Messages.t("theme.badColour", key, v.trim()));
            return fallback;
        }
        return c;
    }

    private static Set<SGR> sgr(String v, String key, List<String> problems) {
        Set<SGR> out = EnumSet.noneOf(SGR.class);
        for (String part : v.split(",")) {
            String t = part.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            try {
                out.add(SGR.valueOf(t));
            } catch (IllegalArgumentException e) {
                problems.add(Messages.t("theme.badSgr", key, part.trim()));
            }
        }
        return out;
    }

    /** A theme that cannot be used, with a one-line reason naming the file and key. */
    public static final class ThemeException extends RuntimeException {
        public ThemeException(String message) {
            super(message);
        }
    }
}
