package edm.console.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        String v = RootCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"edm-console " + version() + " (Java " + Runtime.version() + ")"};
    }
}
