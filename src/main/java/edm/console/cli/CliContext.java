package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.time.Duration;
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
    private final CommandSpec spec;
    private final GlobalOptions options;
    private LoadedConfig loaded;
    private ContainerGateway gateway;

    private CliContext(CommandSpec spec) {
        this.spec = spec;
        this.options = GlobalOptions.of(spec);
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
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
        CliContext c = new CliContext(spec);
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
            gateway = new ContainerGateway(EngineEndpoint.resolve(c.docker.endpoint), Duration.ofSeconds(c.docker.timeoutSeconds));
        }
        return gateway;
    }

    /** True (after one line on stderr) when this command would change something and the console is read-only. */
    boolean refusedAsReadOnly() {
        boolean readOnly = options.readOnly || loaded != null && loaded.config().readOnly;
        if (readOnly && spec.userObject() instanceof ChangeCommand c && c.changes()) {
            err.println(Messages.t("cli.readOnly", spec.qualifiedName()));
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
