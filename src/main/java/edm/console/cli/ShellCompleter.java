package edm.console.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion for the shell, derived from picocli's command spec (so a command added later is
 * completed without touching this class): subcommand names and options at each level, and for a
 * command's parameters the values a provider knows (service names for {@code logs}, checklist names
 * for {@code checklist run}, image tags for {@code deploy} / {@code rollback}).
 */
public final class ShellCompleter implements Completer {
    private final CommandSpec root;
    private final Map<String, Supplier<Collection<String>>> values;

    /**
     * @param values parameter values by command path without the root ("logs", "checklist run"); a provider
     *               may be slow or fail (the engine is down): its failure only means no candidates
     */
    public ShellCompleter(CommandSpec root, Map<String, Supplier<Collection<String>>> values) {
        this.root = root;
        this.values = Map.copyOf(values);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        CommandSpec spec = root;
        StringBuilder path = new StringBuilder();
        boolean optionValueExpected = false;
        for (String w : words) {
            if (optionValueExpected) {
                optionValueExpected = false;
                continue;
            }
            if (w.startsWith("-")) {
                OptionSpec o = spec.findOption(w);
                optionValueExpected = o != null && o.arity().min() > 0 && !w.contains("=");
                continue;
            }
            var sub = spec.subcommands().get(w);
            if (sub != null) {
                spec = sub.getCommandSpec();
                path.append(path.length() == 0 ? "" : " ").append(spec.name());
            }
        }
        if (optionValueExpected) {
            return;
        }
        String current = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (current.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                for (String n : o.names()) {
                    candidates.add(new Candidate(n, n, null, null, null, null, true));
                }
            }
            return;
        }
        for (String name : new ArrayList<>(spec.subcommands().keySet())) {
            if (!name.equals("shell") && !name.equals("help")) {
                candidates.add(new Candidate(name, name, null, null, null, null, true));
            }
        }
        Supplier<Collection<String>> provider = values.get(path.toString());
        if (provider != null) {
            try {
                provider.get().forEach(v -> candidates.add(new Candidate(v, v, null, null, null, null, true)));
            } catch (RuntimeException e) {
                // Completion is a convenience: an unreachable engine must not disturb typing.
            }
        }
    }
}
