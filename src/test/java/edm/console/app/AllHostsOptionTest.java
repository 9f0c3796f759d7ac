package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.cli.GlobalOptions;
import edm.console.i18n.Messages;
import edm.console.testsupport.RunMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --all-hosts} is a global option: check and status take it before or after the command word, with the other
 * options anywhere, on all three ways a command line is read (picocli's full tree, the tree with only the command,
 * the lean path without picocli); every other command, and the console itself, refuses it rather than ignoring it.
 */
class AllHostsOptionTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void aConfigWithTwoEnginesNeitherThere() throws IOException {
        Messages.use(Locale.ENGLISH);
        config = dir.resolve("c.yml");
        Files.writeString(config, """
                projectDir: %s
                docker:
                  endpoint: unix://%s/main.sock
                  timeoutSeconds: 2
                health:
                  urls: []
                services:
                  - name: backend
                engines:
                  - name: second
                    endpoint: unix://%s/second.sock
                """.formatted(dir, dir, dir));
    }

    private static boolean allHostsIn(CommandLine cl, List<String> args) {
        CommandLine.ParseResult r = cl.parseArgs(args.toArray(String[]::new));
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return GlobalOptions.of(r.commandSpec()).allHosts;
    }

    @Test
    void checkAndStatusTakeItInEveryPosition() {
        for (List<String> args : List.of(List.of("--all-hosts", "check"), List.of("check", "--all-hosts"),
                List.of("--lang", "zh-CN", "--all-hosts", "status", "--json"), List.of("status", "--json", "--all-hosts", "--read-only"),
                List.of("--config", "/etc/edm/a.yml", "check", "-q", "--all-hosts"), List.of("--all-hosts", "check", "--format", "json"))) {
            String[] argv = args.toArray(String[]::new);
            assertTrue(allHostsIn(new CommandLine(new RootCommand()), args), "full tree: " + args);
            assertTrue(allHostsIn(RootCommand.commandLine(argv), args), "tree with only the command: " + args);
            Optional<LeanCommand.Parsed> lean = LeanCommand.parse(argv);
            assertTrue(lean.isPresent() && lean.get().options().allHosts, "lean path: " + args);
        }
        assertEquals(Optional.empty(), LeanCommand.parse(new String[] {"check", "--all-hosts", "--all-hosts"}), "twice: picocli judges");
    }

    @Test
    void everyOtherCommandRefusesItWithOneLine() {
        for (List<String> args : List.of(List.of("--all-hosts"), List.of("--all-hosts", "--lang", "en"), List.of("config", "check", "--all-hosts"),
                List.of("--all-hosts", "config", "show"), List.of("logs", "backend", "--all-hosts"), List.of("--all-hosts", "backup", "list"),
                List.of("deploy", "backend", "v1.2", "--all-hosts"), List.of("--all-hosts", "sandbox", "status"))) {
            List<String> withConfig = new java.util.ArrayList<>(args);
            withConfig.addAll(List.of("--config", config.toString()));
            RunMain.Result r = RunMain.run(withConfig.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains("--all-hosts is for check and status"), args + ": " + r.err());
            assertEquals("", r.out(), args.toString());
        }
    }

    @Test
    void checkOverTwoEnginesNeitherThereIsTwoSectionsAndTheWorstExitCode() {
        for (String[] args : new String[][] {{"--all-hosts", "check", "--config", config.toString()},
            {"check", "--config", config.toString(), "--all-hosts"}}) {
            RunMain.Result r = RunMain.run(args);
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("== local  unix://" + dir + "/main.sock  (unreachable) =="), r.out());
            assertTrue(r.out().contains("== second  unix://" + dir + "/second.sock  (unreachable) =="), r.out());
            assertTrue(r.out().contains("All hosts: CRITICAL (2 engines, 2 with problems, 2 unreachable)"), r.out());
        }
    }

    @Test
    void theJsonIsOneObjectPerHostWithTheFieldsOfOneCheck() {
        RunMain.Result r = RunMain.run("check", "--all-hosts", "--json", "--config", config.toString());
        assertEquals(2, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("\"hosts\" : [ {"), out);
        assertTrue(out.contains("\"name\" : \"local\""), out);
        assertTrue(out.contains("\"name\" : \"second\""), out);
        assertTrue(out.contains("\"reachable\" : false"), out);
        assertTrue(out.contains("\"probes\" : ["), out);
        RunMain.Result status = RunMain.run("--all-hosts", "status", "--json", "--config", config.toString());
        assertEquals(2, status.code(), status.err());
        assertTrue(status.out().contains("\"hosts\" : [ {") && status.out().contains("\"containers\" : [ ]"), status.out());
    }

    @Test
    void prometheusOverAllHostsIsRefusedWithWhatToDo() {
        RunMain.Result r = RunMain.run("check", "--all-hosts", "--format", "prometheus", "--config", config.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format prometheus is for one engine"), r.err());
    }
}
