package edm.console.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash and zsh completion scripts of a command tree: picocli's {@link AutoComplete} (so a new command
 * or option completes without an edit here), and at the positions of {@link CompletionValues#POSITIONS}
 * a call back to {@code edm-console __complete PATH POSITION}, because service names, checklist names and
 * image tags are known only to the running console, for the stack the line's {@code --config} selects.
 */
public final class CompletionScript {
    /** The shell function the call-backs go through; it passes the line's --config/--sandbox on. */
    private static final String VALUES_FUNCTION = """

            # Values only the running console knows (service names, checklist names, image tags), for the
            # stack the line's --config or --sandbox selects: `edm-console __complete PATH POSITION`.
            function _edm_console_values() {
              local args=() i
              for ((i = 1; i < COMP_CWORD; i++)); do
                case ${COMP_WORDS[i]} in
                  --sandbox) args+=(--sandbox) ;;
                  --config) args+=(--config "${COMP_WORDS[i+1]}") ;;
                esac
              done
              "${COMP_WORDS[0]}" "${args[@]}" __complete "$1" "$2" 2>/dev/null
            }

            # The 0-based position of the word being completed among COMMAND's parameters: the words after
            # COMMAND that are neither options nor the value of one of ARG_OPTS ('--since' '--tail' ...).
            # (picocli's currentPositionalIndex matches words as regular expressions: "v" would be --version.)
            function _edm_console_position() {
              local command=$1 arg_opts=" $2 " i n=-1 skip=false w
              for ((i = 1; i < COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                if $skip; then skip=false; continue; fi
                if ((n < 0)); then
                  [[ $w == "$command" ]] && n=0
                  continue
                fi
                case $w in
                  -*) [[ $arg_opts == *" '$w' "* ]] && skip=true ;;
                  *) ((n++)) ;;
                esac
              done
              echo $((n < 0 ? 0 : n))
            }
            """;

    private CompletionScript() {
    }

    /** The bash script, for /usr/share/bash-completion/completions/NAME or `source <(edm-console completion bash)`. */
    public static String bash(CommandLine root) {
        String name = root.getCommandName();
        String script = AutoComplete.bash(name, root);
        for (String path : CompletionValues.POSITIONS.keySet()) {
            script = callBack(script, name, path);
        }
        int registration = script.lastIndexOf("\ncomplete -F ");
        return script.substring(0, registration) + VALUES_FUNCTION + script.substring(registration);
    }

    /**
     * The zsh script: the bash one through zsh's bashcompinit. As a file _NAME on the fpath, compinit runs
     * it as the completion function on the first Tab: it defines the bash functions, registers them in its
     * own place and then answers that first Tab itself. It can also be sourced after compinit.
     */
    public static String zsh(CommandLine root) {
        String name = root.getCommandName();
        return "#compdef " + name + "\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash(root)
                + "\n# Run by compinit as the function _" + name + " (the first Tab): answer it too.\n"
                + "if [[ ${funcstack[1]} == _" + name + " ]]; then\n"
                + "  _bash_complete -F _complete_" + name + " -o default\n"
                + "fi\n";
    }

    /** In the function for {@code path}, the positional values come from the call-back instead of nothing. */
    private static String callBack(String script, String name, String path) {
        String function = "function _picocli_" + name + "_" + path.replace("-", "").replace(' ', '_') + "() {";
        int start = script.indexOf(function);
        String empty = "local positionals=\"\"";
        int at = start < 0 ? -1 : script.indexOf(empty, start);
        int next = start < 0 ? -1 : script.indexOf("\nfunction ", start + function.length());
        if (at < 0 || next >= 0 && at > next) {
            throw new IllegalStateException("picocli's completion script has no positional values for '" + path
                    + "' (" + function + "): CompletionScript does not know this script's layout");
        }
        String last = path.substring(path.lastIndexOf(' ') + 1);
        String asked = "local positionals=$(_edm_console_values '" + path + "' \"$(_edm_console_position '" + last
                + "' \"${arg_opts}\")\")";
        return script.substring(0, at) + asked + script.substring(at + empty.length());
    }

    /** Whether the script asks the console for the positional values of {@code path} (tests read it). */
    static boolean asksFor(String script, String path) {
        return script.contains("_edm_console_values '" + path + "'");
    }
}
