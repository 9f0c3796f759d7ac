package edm.console.ui;

import edm.console.backup.BackupKind;

/**
 * What the Backups panel may ask: start a backup or verify the newest one in the background (the
 * implementation reports progress and the result as UI events), and cancel the running one.
 */
public interface BackupControl {
    /** False when another backup action is already running. */
    boolean backup(BackupKind kind);

    boolean verifyNewest(BackupKind kind);

    void cancel();

    BackupControl NONE = new BackupControl() {
        @Override
        public boolean backup(BackupKind kind) {
            return false;
        }

        @Override
        public boolean verifyNewest(BackupKind kind) {
            return false;
        }

        @Override
        public void cancel() {
        }
    };
}
