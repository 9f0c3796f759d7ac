package edm.console.sandbox;

/** Outcome of a sandbox command, with the process exit code the CLI should use. */
public enum SandboxResult {
    OK(0),
    /** Docker call failed, bad state, or a build failed. */
    FAILED(1),
    /** Containers are up but not all became healthy in time. */
    UNHEALTHY(2),
    /** Something must be installed first (debootstrap, busybox-static) or the command must run as root. */
    MISSING_PREREQUISITE(3);

    private final int exitCode;

    SandboxResult(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
