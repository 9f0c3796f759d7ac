package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ShellCompleterTest {
    /** A root like the real one, with a command the completer has never heard of. */
    @Command(name = "edm-console", subcommands = {CheckCommand.class, LogsCommand.class, ChecklistCommand.class, ShellCommand.class,
            ShellCompleterTest.Deploy.class})
    static final class Root {
        @CommandLine.Mixin
        GlobalOptions options;
    }

    @Command(name = "deploy")
    static final class Deploy {
        @CommandLine.Parameters(paramLabel = "TAG")
        String tag;
        @CommandLine.Option(names = "--service")
        String service;
    }

    private final ShellCompleter completer = new ShellCompleter(new CommandLine(new Root()).getCommandSpec(), Map.of(
            "logs", (Supplier<Collection<String>>) () -> List.of("backend", "nginx"),
            "checklist run", () -> List.of("daily", "incident"),
            "deploy", () -> {
                throw new IllegalStateException("engine down");
            }));

    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parsed, out);
        return out.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void topLevelOffersTheCommandsOfTheSpecButNotTheShellItself() {
        assertEquals(List.of("check", "checklist", "deploy", "logs"), complete(""));
    }

    @Test
    void parametersAreCompletedFromTheirProviders() {
        assertEquals(List.of("backend", "nginx"), complete("logs "));
        assertEquals(List.of("backend", "nginx"), complete("logs --follow "));
        assertEquals(List.of("list", "run", "show"), complete("checklist "));
        assertEquals(List.of("daily", "incident"), complete("checklist run "));
    }

    @Test
    void optionsAfterADashAndNothingWhereAnOptionTakesAValue() {
        List<String> opts = complete("logs --");
        assertTrue(opts.containsAll(List.of("--follow", "--since", "--grep", "--config")), opts.toString());
        assertEquals(List.of(), complete("logs --since "));
    }

    @Test
    void aFailingProviderMeansNoCandidatesNotAnError() {
        assertEquals(List.of(), complete("deploy "));
    }
}
