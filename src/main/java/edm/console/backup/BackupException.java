package edm.console.backup;

import edm.console.core.Secrets;
import edm.console.i18n.Messages;

/**
 * A backup operation failed for a reason the operator can act on. The message is one translated line
 * (bundle area {@code backup}) with URL passwords masked; it is what the CLI prints, never a stack trace.
 */
public class BackupException extends RuntimeException {
    private final String key;

    public BackupException(String key, Object... args) {
        super(Secrets.maskUrlPasswords(Messages.t(key, args)));
        this.key = key;
    }

    public BackupException(Throwable cause, String key, Object... args) {
        super(Secrets.maskUrlPasswords(Messages.t(key, args)), cause);
        this.key = key;
    }

    /** The bundle key, so that tests and callers can tell failures apart without parsing text. */
    public String key() {
        return key;
    }

    /** One line for an unexpected exception: its message, or its type when it has none. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return Secrets.maskUrlPasswords(m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip());
    }
}
