package edm.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command accepts (picocli mixin). Descriptions come from the cli bundle. */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "opt.config")
    public Path config;

    @Option(names = "--sandbox", descriptionKey = "opt.sandbox")
    public boolean sandbox;

    @Option(names = "--theme", paramLabel = "NAME", descriptionKey = "opt.theme")
    public String theme;

    @Option(names = "--read-only", descriptionKey = "opt.readOnly")
    public boolean readOnly;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "opt.lang")
    public String lang;
}
