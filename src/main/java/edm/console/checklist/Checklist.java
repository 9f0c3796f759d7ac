package edm.console.checklist;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One checklist of SPEC-006 (or of the operator's own files): a name to run it by, the spec's
 * Chinese title with an English line, and its items in order.
 *
 * @param source the file it came from; a {@code builtin:} name for the lists shipped with the console
 * @param flow   true for a procedure (the incident flow): its notes make up a running record
 */
public record Checklist(String name, String title, String titleEn, boolean flow, List<Item> items, Path source) {
    public Checklist {
        items = List.copyOf(items);
    }

    /** The title in the UI language, the other one available as {@link #otherTitle(boolean)}. */
    public String title(boolean chinese) {
        return chinese || titleEn.isBlank() ? title : titleEn;
    }

    public String otherTitle(boolean chinese) {
        return chinese ? titleEn : title;
    }

    /**
     * One step.
     *
     * @param check   the automatic check it is bound to ({@link CheckKind}), null for a manual confirmation
     * @param params  settings of the check ({@code maxAgeHours}, {@code hours})
     * @param actions what the UI may offer next to it ({@link #ACTIONS})
     * @param record  for a flow: the part of the running record its note belongs to ({@link #RECORD_PARTS}), may be empty
     */
    public record Item(String id, String title, String titleEn, CheckKind check, Map<String, String> params,
                       boolean required, List<String> actions, String record) {
        public Item {
            params = Map.copyOf(params);
            actions = List.copyOf(actions);
            record = record == null ? "" : record;
        }

        public boolean automatic() {
            return check != null;
        }

        public String title(boolean chinese) {
            return chinese || titleEn.isBlank() ? title : titleEn;
        }
    }

    /** Actions an item may offer: run a backup now, open the logs of the failing service, restart it, start a rollback. */
    public static final List<String> ACTIONS = List.of("backup", "logs", "restart", "rollback");

    /** Parts of an incident record, in the order the spec's flow fills them. */
    public static final List<String> RECORD_PARTS = List.of("seen", "done", "resolution", "followUp");
}
