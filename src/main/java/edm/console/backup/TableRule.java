package edm.console.backup;

import edm.console.i18n.Messages;

/**
 * When a database dump that reads well still cannot be the database: it holds no entries at all, no
 * tables while the live database has some, or far fewer tables than the live database (below
 * {@code minShare} of them). An empty dump of an empty database is the truth and passes; a dump with
 * no tables that cannot be compared with the live database does not, since nothing shows it is whole.
 * Pure, so each rule is tested without a database.
 */
public final class TableRule {
    private TableRule() {
    }

    /**
     * @param liveTables tables in the live database, null when it could not be asked
     * @return why the dump fails, null when it passes
     */
    public static String problem(long entries, int dumpTables, Integer liveTables, double minShare) {
        if (liveTables == null) {
            return entries == 0 || dumpTables == 0 ? Messages.t("backup.verify.noTablesUnknownLive", entries, dumpTables) : null;
        }
        if (liveTables == 0) {
            return null;
        }
        if (dumpTables == 0) {
            return Messages.t("backup.verify.noTables", entries, liveTables);
        }
        if (dumpTables < Math.ceil(liveTables * minShare)) {
            return Messages.t("backup.verify.fewTables", dumpTables, liveTables, Math.round(minShare * 100));
        }
        return null;
    }
}
