package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.security.LogrotateFix;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console security fix logrotate}: shows the spec's logrotate entry and writes it after the
 * operator types yes. Exit 0 written, 2 config or usage, 3 not confirmed or not written.
 */
@Command(name = "fix", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class SecurityFixCommand implements Callable<Integer>, ChangeCommand {
    static final int NOT_DONE = 3;

    @Parameters(index = "0", paramLabel = "WHAT", descriptionKey = "arg.security.fix")
    String what;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (CliContext cli = CliContext.open(spec)) {
            if (cli == null) {
                return CliContext.CONFIG;
            }
            if (!"logrotate".equals(what)) {
                cli.err.println(Messages.t("security.logrotate.unknownFix", what));
                return CliContext.CONFIG;
            }
            LogrotateFix fix = new LogrotateFix(SecurityCommand.context(cli));
            cli.out.println(Messages.t("security.logrotate.header", fix.target()));
            cli.out.print(fix.text());
            for (String other : fix.otherEntries()) {
                cli.out.println(Messages.t("security.logrotate.otherEntry", other, fix.target()));
            }
            String answer = LineInput.shared().answer(cli.out, Messages.t("security.logrotate.confirm", fix.target()) + " ");
            if (!"yes".equals(answer)) {
                cli.out.println(Messages.t("security.logrotate.cancelled"));
                return NOT_DONE;
            }
            try {
                fix.write();
            } catch (IOException e) {
                cli.err.println(Messages.t("security.logrotate.failed", fix.target(), e.getMessage()));
                return NOT_DONE;
            }
            cli.out.println(Messages.t("security.logrotate.written", fix.target()));
            return 0;
        }
    }
}
