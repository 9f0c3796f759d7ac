package edm.console.cli;

import edm.console.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --all-hosts} is a global option, so that check and status take it in every position; every other command
 * (and the console itself) refuses it with one line rather than ignoring it. The execution strategy of the
 * command line and of the shell's lines.
 */
public final class AllHostsOption {
    private AllHostsOption() {
    }

    /** Runs the parsed command as picocli's RunLast would, unless {@code --all-hosts} was given to one it is not for. */
    public static int runUnlessMisplaced(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandSpec spec = leaf.commandSpec();
        boolean topLevel = spec.parent() != null && spec.parent().parent() == null;
        boolean helpOnly = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
        if (GlobalOptions.of(spec).allHosts && !helpOnly && !(topLevel && GlobalOptions.ALL_HOSTS_COMMANDS.contains(spec.name()))) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.t("cli.allHostsOnly"));
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
