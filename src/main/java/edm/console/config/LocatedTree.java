package edm.console.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import edm.console.i18n.Messages;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A config file parsed into a tree of {@link YamlNode}s, remembering the line of every setting. Jackson's
 * own tree reader forgets locations (and needs jackson-databind), so the tree is built here from the
 * streaming parser's tokens; this also catches duplicate keys, which Jackson would silently resolve to
 * the last one.
 */
final class LocatedTree {
    /**
     * The largest file read. A real config is a few KiB; the limit is far above that and far below what
     * would strain the console's small heap (a 50 MB file used to end in OutOfMemoryError).
     */
    static final int MAX_BYTES = 1024 * 1024;

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final ProblemList problems;
    private YamlNode root;
    private boolean setsNothing;

    private LocatedTree(Path file) {
        this.file = file;
        this.problems = new ProblemList(file, lines);
    }

    /** Parses YAML, or JSON when the file name ends in {@code .json}. Never throws: failures become problems. */
    static LocatedTree parse(Path file) {
        LocatedTree tree = new LocatedTree(file);
        tree.read();
        return tree;
    }

    /** Parses text already in memory (a resource); {@code file} names it in problems. */
    static LocatedTree parse(Path file, String text) {
        LocatedTree tree = new LocatedTree(file);
        tree.parseText(text);
        return tree;
    }

    static boolean isJson(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    Path file() {
        return file;
    }

    /** The root mapping, or null when the file could not be parsed (then {@link #problems()} says why). */
    YamlNode root() {
        return root;
    }

    /** Line of each setting present in the file, keyed by dotted path ("" is the whole file). */
    Map<String, Integer> lines() {
        return lines;
    }

    ProblemList problems() {
        return problems;
    }

    /**
     * True when the file parsed but holds no setting at all: 0 bytes, only whitespace or comments, an
     * empty mapping ({@code {}}) or a null document. Valid, but nobody should believe the file was read.
     */
    boolean setsNothing() {
        return setsNothing;
    }

    private void read() {
        String text;
        try {
            byte[] bytes = readAtMost(file, MAX_BYTES);
            if (bytes == null) {
                // Before parsing: a huge file would fill the heap (or keep the YAML scanner busy for minutes).
                problems.addAt(0, "", "fileTooLarge", sizeOf(file), mib(MAX_BYTES));
                return;
            }
            // Decoded up front so that a non-UTF-8 file gets its own message rather than a parser error.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.addAt(0, "", "notUtf8");
            return;
        } catch (IOException e) {
            problems.addAt(0, "", "unreadable", e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        parseText(text);
    }

    /** The file's bytes, or null when it holds more than {@code max} (a FIFO or /dev/zero included: never read past max). */
    private static byte[] readAtMost(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            return bytes.length > max ? null : bytes;
        }
    }

    /** The size for the message: exact for a regular file, else "more than" the limit. */
    private static String sizeOf(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return mib(Files.size(file));
            }
        } catch (IOException e) {
            // fall through: the limit is all that is known
        }
        return "> " + mib(MAX_BYTES);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private void parseText(String text) {
        JsonFactory factory = isJson(file) ? new JsonFactory() : new YAMLFactory();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser parser = factory.createParser(text)) {
            lines.put("", 1);
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL && parser.nextToken() == null) {
                // An empty file (only comments, or a null document) is a valid config: all defaults.
                root = YamlNode.mapping(new LinkedHashMap<>());
                setsNothing = true;
                return;
            }
            if (first == JsonToken.VALUE_NULL) {
                problems.addAt(line(parser), "", "moreDocuments");
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.addAt(line(parser), "", "notMapping", describe(first));
                return;
            }
            root = readValue(parser, "");
            setsNothing = root.isEmpty() && problems.isEmpty();
            if (parser.nextToken() != null) {
                // A second YAML document ("---") would be silently ignored by the binding.
                problems.addAt(line(parser), "", "moreDocuments");
            }
        } catch (JsonProcessingException e) {
            root = null;
            // What was found before the error is unreliable (the parser may have misread the structure).
            problems.clear();
            problems.addAt(syntaxLine(e), "", isJson(file) ? "syntaxJson" : "syntaxYaml", syntaxReason(e));
        } catch (IOException | RuntimeException e) {
            // Parsing a string does no I/O; anything else the parser throws is about the content
            // (SnakeYAML lets a few of its own exceptions through unwrapped).
            root = null;
            problems.clear();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            problems.addAt(0, "", isJson(file) ? "syntaxJson" : "syntaxYaml", reason);
        }
    }

    private YamlNode readValue(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> obj = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String childPath = ConfigPaths.child(path, name);
                    int keyLine = line(p);
                    p.nextToken();
                    YamlNode value = readValue(p, childPath);
                    if (obj.containsKey(name)) {
                        problems.addAt(keyLine, childPath, "duplicateKey", lines.getOrDefault(childPath, 0));
                        continue;
                    }
                    lines.put(childPath, keyLine);
                    obj.put(name, value);
                }
                return YamlNode.mapping(obj);
            }
            case START_ARRAY -> {
                List<YamlNode> arr = new ArrayList<>();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String childPath = ConfigPaths.element(path, index++);
                    lines.put(childPath, line(p));
                    arr.add(readValue(p, childPath));
                }
                return YamlNode.sequence(arr);
            }
            case VALUE_STRING -> {
                return YamlNode.text(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return YamlNode.integer(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return YamlNode.decimal(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return YamlNode.bool(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return YamlNode.NULL;
            }
            default -> {
                // Embedded objects (YAML !!binary and the like) have no meaning in this config.
                return YamlNode.text(p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        return Math.max(p.currentTokenLocation().getLineNr(), 0);
    }

    private static String describe(JsonToken t) {
        return Messages.t(t == JsonToken.START_ARRAY ? "config.got.list" : "config.got.scalar");
    }

    /** SnakeYAML (the cause Jackson wraps) knows where the problem is; Jackson's own location is where the parser had got to. */
    private static int syntaxLine(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        return e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    }

    /** The reason of a syntax error on one line, without the excerpt and caret that the parsers append. */
    private static String syntaxReason(JsonProcessingException e) {
        String reason;
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            reason = marked.getContext() != null ? marked.getContext() + ", " + marked.getProblem() : marked.getProblem();
        } else {
            reason = e.getOriginalMessage();
        }
        if (reason == null || reason.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return reason.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
    }
}
