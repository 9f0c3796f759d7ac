package edm.console.sandbox;

import edm.console.i18n.Messages;

/** A sandbox step failed for a reason the user can act on; the message is already translated, one line. */
public class SandboxException extends RuntimeException {
    private final SandboxResult result;

    public SandboxException(SandboxResult result, String key, Object... args) {
        super(Messages.t(key, args));
        this.result = result;
    }

    public SandboxException(String key, Object... args) {
        this(SandboxResult.FAILED, key, args);
    }

    public SandboxResult result() {
        return result;
    }
}
