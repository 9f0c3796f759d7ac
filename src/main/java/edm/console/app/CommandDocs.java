package edm.console.app;

import edm.console.cli.CompletionScript;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes, at build time ({@code mvn package}, before the packages are made), what they install besides
 * the console itself, all from the one command tree: {@code completion/edm-console} (bash),
 * {@code completion/_edm-console} (zsh) and {@code man/*.adoc}, one AsciiDoc man page per command
 * (picocli-codegen's ManPageGenerator; Asciidoctor turns them into troff). In English: a man page is
 * read on the server, whose operator may not have chosen Chinese.
 *
 * <p>picocli-codegen is a build-only (provided) dependency: the console never loads this class.
 */
public final class CommandDocs {
    private CommandDocs() {
    }

    /** {@code CommandDocs OUTPUT_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CommandDocs OUTPUT_DIR");
        }
        write(Path.of(args[0]));
    }

    /** Writes the completion scripts and the man pages' AsciiDoc under {@code out}. */
    public static void write(Path out) throws IOException {
        // Run inside Maven's JVM (exec:java): its default locale is put back afterwards.
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            Messages.use(Locale.ENGLISH);
            CommandLine root = tree();
            Path completion = Files.createDirectories(out.resolve("completion"));
            Files.writeString(completion.resolve("edm-console"), CompletionScript.bash(root), StandardCharsets.UTF_8);
            Files.writeString(completion.resolve("_edm-console"), CompletionScript.zsh(root), StandardCharsets.UTF_8);
            Path man = Files.createDirectories(out.resolve("man"));
            int rc = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, root.getCommandSpec());
            if (rc != 0) {
                throw new IOException("the man page generator ended with exit code " + rc);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The whole command tree with its English texts, as `edm-console --help` shows it. */
    static CommandLine tree() {
        CommandLine root = new CommandLine(new RootCommand());
        root.setResourceBundle(Messages.bundle("cli", Locale.ENGLISH));
        return root;
    }
}
