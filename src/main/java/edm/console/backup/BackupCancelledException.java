package edm.console.backup;

/** The operator cancelled (Ctrl-C, or the panel's cancel): whatever was half-written has been removed. */
public final class BackupCancelledException extends BackupException {
    public BackupCancelledException() {
        super("backup.cancelled");
    }
}
