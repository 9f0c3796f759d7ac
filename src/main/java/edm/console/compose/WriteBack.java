package edm.console.compose;

import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a deployed image back where the compose file takes it from: the env variable its {@code image:}
 * uses ({@code edm-backend:${BACKEND_TAG}} -> {@code BACKEND_TAG=v1.2}), else the literal text of the
 * {@code image:} line. Only that value changes; comments, order and mode stay.
 */
public final class WriteBack {
    private static final Pattern IMAGE_LINE = Pattern.compile("^(\\s*(?:-\\s+)?[\"']?image[\"']?\\s*:\\s*)(.*)$");

    /**
     * One file's new text.
     *
     * @param setting what changed, for the operator ({@code BACKEND_TAG=v1.2}, {@code image: edm-backend:v1.2})
     * @param envFile true when the env file changes (never show its text: it holds secrets)
     */
    public record Change(Path file, String text, String setting, boolean envFile) {
    }

    private WriteBack() {
    }

    /** What makes the file say {@code newImage} for the service; empty when it already does. */
    public static Optional<Change> plan(ComposeModel model, String service, String newImage) {
        ComposeModel.Service s = model.service(service)
                .orElseThrow(() -> new ComposeException(Messages.t("compose.write.noService", model.file(), service)));
        if (Drift.sameImage(s.image(), newImage)) {
            return Optional.empty();
        }
        if (s.imageTemplate().isEmpty()) {
            throw new ComposeException(Messages.t("compose.write.noImage", model.file(), service, newImage));
        }
        List<Interpolation.Part> parts;
        try {
            parts = Interpolation.parse(s.imageTemplate());
        } catch (Interpolation.Failure f) {
            throw new ComposeException(Messages.t("compose.read.invalid", model.file(), s.imageLine(), "services." + service + ".image",
                    s.imageTemplate(), "${NAME}", "${NAME:-default}"));
        }
        // The variable nearest the end first: that is where the tag is.
        for (int i = parts.size() - 1; i >= 0; i--) {
            Interpolation.Part p = parts.get(i);
            if (!p.isVariable()) {
                continue;
            }
            String prefix = expand(parts.subList(0, i), model.env());
            String suffix = expand(parts.subList(i + 1, parts.size()), model.env());
            if (prefix == null || suffix == null || !newImage.startsWith(prefix) || !newImage.endsWith(suffix)
                    || newImage.length() <= prefix.length() + suffix.length()) {
                continue;
            }
            String value = newImage.substring(prefix.length(), newImage.length() - suffix.length());
            Map<String, String> changed = new HashMap<>(model.env());
            changed.put(p.variable(), value);
            if (!newImage.equals(expand(parts, changed))) {
                continue;
            }
            return Optional.of(envChange(model, p.variable(), value));
        }
        return Optional.of(literalChange(model, s, parts, newImage));
    }

    private static Change envChange(ComposeModel model, String variable, String value) {
        if (model.processVariables().contains(variable)) {
            // compose takes the process environment over the env file: writing the file would change nothing
            throw new ComposeException(Messages.t("compose.write.inEnvironment", variable, model.envFile()));
        }
        String text = read(model.envFile(), true);
        return new Change(model.envFile(), EnvEdit.set(text, variable, value), variable + "=" + value, true);
    }

    /** The last literal part of the template takes the new text, on the {@code image:} line of the file. */
    private static Change literalChange(ComposeModel model, ComposeModel.Service s, List<Interpolation.Part> parts, String newImage) {
        int last = -1;
        for (int i = parts.size() - 1; i >= 0 && last < 0; i--) {
            if (!parts.get(i).isVariable()) {
                last = i;
            }
        }
        String prefix = last < 0 ? null : expand(parts.subList(0, last), model.env());
        String suffix = last < 0 ? null : expand(parts.subList(last + 1, parts.size()), model.env());
        if (prefix == null || suffix == null || !newImage.startsWith(prefix) || !newImage.endsWith(suffix)
                || newImage.length() < prefix.length() + suffix.length()) {
            throw new ComposeException(Messages.t("compose.write.cannot", model.file(), s.imageLine(), s.name(), s.imageTemplate(), newImage));
        }
        Interpolation.Part p = parts.get(last);
        String literal = newImage.substring(prefix.length(), newImage.length() - suffix.length()).replace("$", "$$");
        String template = s.imageTemplate().substring(0, p.start()) + literal + s.imageTemplate().substring(p.end());
        String text = read(model.file(), false);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int index = s.imageLine() - 1;
        Matcher m = index >= 0 && index < lines.size() ? IMAGE_LINE.matcher(lines.get(index)) : null;
        if (m == null || !m.matches() || m.group(2).isBlank() || m.group(2).startsWith("|") || m.group(2).startsWith(">")) {
            throw new ComposeException(Messages.t("compose.write.cannot", model.file(), s.imageLine(), s.name(), s.imageTemplate(), newImage));
        }
        lines.set(index, m.group(1) + scalar(m.group(2), template));
        return new Change(model.file(), String.join("\n", lines), "image: " + newImage, false);
    }

    /** The YAML scalar on the line ({@code "x" # c}, {@code x # c}) with the new value in its place and quotes. */
    private static String scalar(String old, String value) {
        if (old.startsWith("\"") || old.startsWith("'")) {
            char q = old.charAt(0);
            int close = old.indexOf(q, 1);
            String rest = close < 0 ? "" : old.substring(close + 1);
            String v = q == '"' ? value.replace("\\", "\\\\").replace("\"", "\\\"") : value.replace("'", "''");
            return q + v + q + rest;
        }
        int comment = old.indexOf(" #");
        String token = (comment < 0 ? old : old.substring(0, comment)).stripTrailing();
        return value + old.substring(token.length());
    }

    /** Writes the change atomically; returns the copy of the previous file (null when there was none). */
    public static Path apply(Change c) {
        try {
            return AtomicText.replace(c.file(), c.text());
        } catch (IOException e) {
            throw new ComposeException(Messages.t("compose.write.io", c.file(), e.getMessage()));
        }
    }

    private static String expand(List<Interpolation.Part> parts, Map<String, String> env) {
        try {
            return Interpolation.expand(parts, env::get);
        } catch (Interpolation.Failure f) {
            return null;
        }
    }

    static String read(Path file, boolean mayBeMissing) {
        try {
            if (mayBeMissing && !Files.exists(file)) {
                return "";
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ComposeException(Messages.t("compose.write.io", file, e.getMessage()));
        }
    }
}
