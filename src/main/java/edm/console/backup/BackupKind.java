package edm.console.backup;

import java.util.Locale;

/** What a backup holds. The word is used in ids, file names and the CLI ({@code backup db|files}). */
public enum BackupKind {
    DATABASE("db"),
    FILES("files");

    private final String word;

    BackupKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static BackupKind fromWord(String w) {
        for (BackupKind k : values()) {
            if (k.word.equals(w.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException(w);
    }
}
