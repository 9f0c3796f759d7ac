package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.RunMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion scripts and man pages the build writes (CommandDocs) keep up with the command tree: every
 * visible command and every visible option of each is in the bash script's function for that command and
 * on that command's man page, walking picocli's model, so a command or option added later is checked
 * without an edit here.
 */
class CommandDocsTest {
    @TempDir
    static Path out;
    private static String bash;
    private static String zsh;

    @BeforeAll
    static void generate() throws IOException {
        CommandDocs.write(out);
        bash = Files.readString(out.resolve("completion/edm-console"), StandardCharsets.UTF_8);
        zsh = Files.readString(out.resolve("completion/_edm-console"), StandardCharsets.UTF_8);
    }

    /** Every command that help shows, the root first, by its path of names ("", "backup", "backup db"). */
    private static List<CommandSpec> visibleCommands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(CommandDocs.tree().getCommandSpec(), all);
        return all;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> all) {
        all.add(spec);
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct()
                .filter(s -> !s.usageMessage().hidden()).forEach(s -> collect(s, all));
    }

    private static List<String> path(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return names;
    }

    private static Stream<String> optionNames(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).map(OptionSpec::names).flatMap(Stream::of);
    }

    /** The body of the bash function picocli writes for a command. */
    private static String bashFunction(CommandSpec spec) {
        String name = "function _picocli_edm-console" + String.join("", path(spec).stream().map(n -> "_" + n.replace("-", "")).toList()) + "() {";
        int start = bash.indexOf(name);
        assertTrue(start >= 0, "the bash script has " + name);
        int end = bash.indexOf("\nfunction ", start + name.length());
        return bash.substring(start, end < 0 ? bash.length() : end);
    }

    @Test
    void everyCommandAndOptionIsInTheBashScript() {
        int commands = 0;
        for (CommandSpec spec : visibleCommands()) {
            String function = bashFunction(spec);
            optionNames(spec).forEach(o -> assertTrue(function.contains("'" + o + "'"),
                    "bash completes " + o + " of '" + String.join(" ", path(spec)) + "'"));
            if (spec.parent() != null) {
                String parentFunction = bashFunction(spec.parent());
                assertTrue(parentFunction.matches("(?s).*local commands=\"[^\"]*\\b" + spec.name() + "\\b.*"),
                        "bash offers '" + spec.name() + "' after '" + String.join(" ", path(spec.parent())) + "'");
            }
            commands++;
        }
        assertTrue(commands > 30, "the premise: the tree has its commands (" + commands + ")");
    }

    @Test
    void everyCommandHasAManPageListingEachOfItsOptions() throws IOException {
        for (CommandSpec spec : visibleCommands()) {
            List<String> names = new ArrayList<>(List.of("edm-console"));
            names.addAll(path(spec));
            Path page = out.resolve("man").resolve(String.join("-", names) + ".adoc");
            assertTrue(Files.exists(page), "man page " + page.getFileName());
            String text = Files.readString(page, StandardCharsets.UTF_8);
            optionNames(spec).forEach(o -> assertTrue(text.contains("*" + o + "*"), page.getFileName() + " lists " + o));
            for (CommandLine sub : spec.subcommands().values()) {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    assertTrue(text.contains(sub.getCommandName()), page.getFileName() + " lists " + sub.getCommandName());
                }
            }
        }
    }

    @Test
    void theHiddenCallBackIsNeitherCompletedNorDocumented() {
        assertTrue(bash.contains("__complete \"$1\" \"$2\""), "the script calls back");
        assertTrue(!bash.contains("_picocli_edm-console___complete"), "no function for the hidden command");
        assertTrue(!Files.exists(out.resolve("man/edm-console-__complete.adoc")));
    }

    @Test
    void servicesChecklistsAndTagsAreAskedOfTheConsole() {
        for (String path : List.of("logs", "deploy", "rollback", "restart", "checklist run", "checklist show")) {
            CommandSpec spec = visibleCommands().stream().filter(s -> String.join(" ", path(s)).equals(path)).findFirst().orElseThrow();
            assertTrue(bashFunction(spec).contains("_edm_console_values '" + path + "'"), path + " asks the console");
        }
        assertTrue(!bashFunction(visibleCommands().get(0)).contains("_edm_console_values"), "the root's words are static");
    }

    @Test
    void theZshScriptIsTheBashOneThroughBashcompinit() {
        assertEquals("#compdef edm-console", zsh.lines().findFirst().orElseThrow());
        assertTrue(zsh.contains("bashcompinit") && zsh.contains(bash), "zsh wraps the bash script unchanged");
    }

    @Test
    void completionPrintsTheSameScriptTheBuildWrites() {
        var run = RunMain.run("completion", "bash");
        assertEquals(0, run.code(), run.err());
        assertEquals(bash, run.out());
        var zshRun = RunMain.run("completion", "zsh");
        assertEquals(zsh, zshRun.out());
        var fish = RunMain.run("completion", "fish");
        assertEquals(2, fish.code());
        assertTrue(fish.err().contains("fish") && fish.err().contains("bash or zsh"), fish.err());
    }
}
