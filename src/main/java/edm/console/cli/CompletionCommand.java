package edm.console.cli;

import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console completion bash|zsh}: prints the shell's completion script for the whole command
 * tree ({@link CompletionScript}), the same the packages install, for {@code source <(...)} in a shell's rc file.
 */
@Command(name = "completion", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {
    /** The shells there is a script for (also what Tab offers after `completion`). */
    static final class Shells extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Shells() {
            super(List.of("bash", "zsh"));
        }
    }

    @Parameters(paramLabel = "SHELL", descriptionKey = "param.completionShell", completionCandidates = Shells.class)
    String shell;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var root = spec.root().commandLine();
        String script = switch (shell) {
            case "bash" -> CompletionScript.bash(root);
            case "zsh" -> CompletionScript.zsh(root);
            default -> null;
        };
        if (script == null) {
            spec.commandLine().getErr().println(Messages.t("cli.completion.unknownShell", shell));
            return 2;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
