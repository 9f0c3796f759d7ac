package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.sandbox.SandboxProject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options every command accepts, declared once on the root command (a picocli mixin) with
 * {@link ScopeType#INHERIT}: picocli copies them onto every subcommand, and each copy sets the value
 * here, so {@code --sandbox check}, {@code check --sandbox} and {@code backup --sandbox db} mean the
 * same. Commands read them with {@link #of(CommandSpec)}.
 *
 * <p>Given more than once (in different positions): the same value again is harmless; two different
 * values ({@code --config A check --config B}) are a usage error, because an operations tool must not
 * guess which stack was meant; so are {@code --sandbox} and a {@code --config} naming another file.
 * Descriptions come from the cli bundle.
 */
public final class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public Path config;
    public boolean sandbox;
    public String theme;
    public boolean readOnly;
    public String lang;
    /** check and status over every engine of the config (issue 17); refused by every other command. */
    public boolean allHosts;

    /** What the options select, for comparing positions (tests) and for saying it back. */
    public record Selection(Path config, boolean sandbox, String theme, boolean readOnly, String lang, boolean allHosts) {
    }

    /** The options of the command line {@code spec} belongs to; defaults when its root declares none. */
    public static GlobalOptions of(CommandSpec spec) {
        for (CommandSpec mixin : spec.root().mixins().values()) {
            if (mixin.userObject() instanceof GlobalOptions o) {
                return o;
            }
        }
        return new GlobalOptions();
    }

    public Selection selection() {
        return new Selection(config, sandbox, theme, readOnly, lang, allHosts);
    }

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "opt.config", scope = ScopeType.INHERIT)
    void config(Path value) {
        config = once("--config", config, value, GlobalOptions::normal);
        notBothSandboxAndConfig();
    }

    @Option(names = "--sandbox", descriptionKey = "opt.sandbox", scope = ScopeType.INHERIT)
    void sandbox(boolean value) {
        sandbox |= value;
        notBothSandboxAndConfig();
    }

    @Option(names = "--theme", paramLabel = "NAME", descriptionKey = "opt.theme", scope = ScopeType.INHERIT)
    void theme(String value) {
        theme = once("--theme", theme, value, v -> v);
    }

    @Option(names = "--read-only", descriptionKey = "opt.readOnly", scope = ScopeType.INHERIT)
    void readOnly(boolean value) {
        readOnly |= value;
    }

    /** The commands {@code --all-hosts} applies to; the others refuse it rather than ignore it. */
    public static final Set<String> ALL_HOSTS_COMMANDS = Set.of("check", "status");

    @Option(names = "--all-hosts", descriptionKey = "opt.allHosts", scope = ScopeType.INHERIT)
    void allHosts(boolean value) {
        allHosts |= value;
    }

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "opt.lang", scope = ScopeType.INHERIT)
    void lang(String value) {
        lang = once("--lang", lang, value, v -> v.trim().replace('_', '-').toLowerCase(Locale.ROOT));
    }

    /** --sandbox with --config naming another file: the operator meant one of two stacks, and we do not guess which. */
    private void notBothSandboxAndConfig() {
        if (sandbox && config != null && !normal(config).equals(normal(SandboxProject.fromEnvironment().configFile()))) {
            throw UsageError.of(mixee, Messages.t("cli.sandboxAndConfig", config));
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The new value, unless an earlier position gave a different one ({@code same} says what counts as the same). */
    private <T> T once(String option, T earlier, T value, Function<T, Object> same) {
        if (earlier != null && !Objects.equals(same.apply(earlier), same.apply(value))) {
            throw UsageError.of(mixee, Messages.t("cli.optionTwice", option, earlier, value));
        }
        return value;
    }

    /**
     * picocli's usage error, made in a class of its own: a {@code throw new ParameterException} here would
     * make the JVM load picocli to verify this class, and the bare launch uses it without picocli.
     */
    private static final class UsageError {
        static RuntimeException of(CommandSpec spec, String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }
}
