package edm.console.cli;

/**
 * A command that changes the system: the stack, its data, its backups or the sandbox. In read-only
 * mode ({@code --read-only} in any position, or {@code readOnly: true}) {@link CliContext} refuses it
 * before it does anything.
 */
public interface ChangeCommand {
    /** False when this invocation only looks (e.g. {@code --dry-run}, {@code --list}). */
    default boolean changes() {
        return true;
    }
}
