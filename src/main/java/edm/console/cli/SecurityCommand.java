package edm.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.config.ConsoleConfig;
import edm.console.config.SecuritySettings.AcceptedRisk;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityContext;
import edm.console.security.SecurityReport;
import edm.console.security.SecurityRules;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console security [--json]}: SPEC-006's security rules once, each finding with its evidence
 * and its fix. Exit 0 all well, 1 a warning or something that could not be read, 2 critical, 3 the
 * command could not run (as {@code check}).
 */
@Command(name = "security", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true, subcommands = SecurityFixCommand.class)
public final class SecurityCommand implements Callable<Integer> {
    @Option(names = "--json", descriptionKey = "opt.json")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (CliContext cli = CliContext.open(spec)) {
            if (cli == null) {
                return CheckCommand.COULD_NOT_RUN;
            }
            SecurityReport report = SecurityRules.spec().run(context(cli));
            print(report, cli.config(), cli.out, cli.err);
            return report.exitCode();
        }
    }

    static SecurityContext context(CliContext cli) {
        return context(cli.config(), cli::gateway);
    }

    /** The rules' context on this host and engine: the same for {@code security} and the TUI's Security panel. */
    public static SecurityContext context(ConsoleConfig config, Supplier<ContainerGateway> gateway) {
        Duration timeout = Duration.ofSeconds(config.docker.timeoutSeconds);
        return SecurityContext.from(config, () -> SecurityContainers.read(gateway.get()),
                (container, argv) -> SecurityContainers.exec(gateway.get(), container, argv, timeout),
                image -> gateway.get().imageMetadata(image), Clock.SYSTEM);
    }

    private void print(SecurityReport report, ConsoleConfig config, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(jsonText(SecurityText.json(report)));
        } else {
            SecurityText.lines(report).forEach(out::println);
            out.println(SecurityText.summary(report));
        }
        // A typo in an accepted rule would silence nothing while looking as if it did.
        for (AcceptedRisk a : config.security.accept) {
            if (report.findings().stream().map(Finding::rule).noneMatch(r -> r.equals(a.rule) || r.startsWith(a.rule + "."))) {
                err.println(Messages.t("security.unknownAccept", a.rule));
            }
        }
        out.flush();
        err.flush();
    }

    /** The report as indented JSON (databind here: {@code security} is not on check's lean path). */
    private static String jsonText(ObjectNode root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
