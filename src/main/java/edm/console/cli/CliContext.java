package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.docker.ContainerGateway;
import edm.console.engines.EngineSet;
import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one way a command opens what it works with: its output (the command line's UTF-8 writers, in
 * the chosen language), the config the global options select, and the engine (opened on first use,
 * closed with the context). It also holds the read-only rule for every {@link ChangeCommand}.
 */
final class CliContext implements AutoCloseable {
    /** Exit code when the config cannot be used or a change is refused as read-only. */
    static final int CONFIG = 2;

    final PrintWriter out;
    final PrintWriter err;
    /** The command's object (a {@link ChangeCommand} may be refused) and its name as the command line spells it. */
    private final Object command;
    private final Supplier<String> commandName;
    private final GlobalOptions options;
    private LoadedConfig loaded;
    private ContainerGateway gateway;

    private CliContext(CommandSpec spec) {
        this(GlobalOptions.of(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), spec.userObject(),
                spec::qualifiedName);
    }

    private CliContext(GlobalOptions options, PrintWriter out, PrintWriter err, Object command, Supplier<String> commandName) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.command = command;
        this.commandName = commandName;
    }

    /** Output and options only, for commands that read no config (sandbox, keygen). */
    static CliContext of(CommandSpec spec) {
        return new CliContext(spec);
    }

    /**
     * The context with a usable config; null after printing why not (the config's problems, or a change
     * refused in read-only mode).
     */
    static CliContext open(CommandSpec spec) {
        return usable(new CliContext(spec));
    }

    /** {@link #open(CommandSpec)} for a command that changes nothing, run without picocli ({@link DirectCommands}). */
    static CliContext open(GlobalOptions options, PrintWriter out, PrintWriter err) {
        return usable(new CliContext(options, out, err, null, () -> ""));
    }

    private static CliContext usable(CliContext c) {
        if (!ConfigSelection.usable(c.loaded(), c.err) || c.refusedAsReadOnly()) {
            c.close();
            return null;
        }
        return c;
    }

    GlobalOptions options() {
        return options;
    }

    /** The selected config as loaded, problems and all (for {@code config check}); loaded once. */
    LoadedConfig loaded() {
        if (loaded == null) {
            loaded = ConfigSelection.load(options);
        }
        return loaded;
    }

    ConsoleConfig config() {
        return loaded().config();
    }

    /** The engine the config names, with its timeout; opened on first use. */
    ContainerGateway gateway() {
        if (gateway == null) {
            ConsoleConfig c = config();
            gateway = EngineSet.gateway(c);
        }
        return gateway;
    }

    /** True (after one line on stderr) when this command would change something and the console is read-only. */
    boolean refusedAsReadOnly() {
        boolean readOnly = options.readOnly || loaded != null && loaded.config().readOnly;
        if (readOnly && command instanceof ChangeCommand c && c.changes()) {
            err.println(Messages.t("cli.readOnly", commandName.get()));
            err.flush();
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
        if (gateway != null) {
            gateway.close();
        }
    }
}
