package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.cli.ShellCommand;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Shell lines run through the real root command, with the shell's own --config passed on. */
class ShellDispatchTest {
    @TempDir
    Path dir;
    Path config;
    ShellCommand shell;
    final StringWriter out = new StringWriter();

    @BeforeEach
    void shellWithAConfig() throws IOException {
        Messages.use(Locale.ENGLISH);
        config = dir.resolve("edm-console.yml");
        Files.writeString(config, "projectDir: " + dir + "\nui:\n  language: en\n");
        CommandLine root = new CommandLine(new RootCommand());
        root.parseArgs("shell", "--config", config.toString());
        shell = root.getSubcommands().get("shell").getCommand();
    }

    private int run(String... args) {
        PrintWriter w = new PrintWriter(out, true);
        return shell.dispatch(List.of(args), w, w);
    }

    @Test
    void aLineRunsTheCommandWithTheShellsConfig() throws IOException {
        Files.createDirectories(dir.resolve("checklists"));
        Files.writeString(dir.resolve("checklists/site.yml"), "title: 本站检查\nitems:\n  - title: 证书有效\n");
        assertEquals(0, run("checklist", "list"));
        String text = out.toString();
        for (String name : List.of("pre-deploy", "deploy", "post-deploy", "daily", "weekly", "incident", "site")) {
            assertTrue(text.contains(name + " "), name + " in:\n" + text);
        }
        assertTrue(text.contains("本站检查"), text);
    }

    @Test
    void showFindsNoReportYetAndNamesTheDirectory() {
        assertEquals(2, run("checklist", "show", "latest"));
        assertTrue(out.toString().contains("no report 'latest' in " + dir.resolve("logs/system/checklists")), out.toString());
    }

    @Test
    void theShellDoesNotNestAndBadInputGetsPicocliMessage() {
        assertEquals(2, run("shell"));
        assertTrue(out.toString().contains("already in the shell"), out.toString());
        assertEquals(2, run("checklist", "run"));
        assertTrue(out.toString().contains("NAME"), out.toString());
    }
}
