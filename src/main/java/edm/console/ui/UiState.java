package edm.console.ui;

import edm.console.compose.DriftReport;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.HostSnapshot;
import edm.console.core.UnattendedResult;
import edm.console.swarm.SwarmService;
import edm.console.swarm.SwarmView;
import edm.console.ui.keys.Action;
import edm.console.ui.panels.ContainerRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the screen shows, owned by the UI thread alone (no locking). Data snapshots arrive as
 * events and replace the old ones whole; the selection follows the container id, not the row index,
 * so a re-sorted list does not move the cursor to another container.
 */
public final class UiState {
    public enum View { DASHBOARD, DETAIL, HELP, EVENTS, CHECKLIST, HOSTS }

    public ContainersSnapshot containers;
    /** The swarm as last read (services and tasks on a manager; {@link SwarmView#NONE} elsewhere). */
    public SwarmView swarm = SwarmView.NONE;
    public HostSnapshot host;
    /** Where the engine and the compose file disagree (NONE without a compose file). */
    public DriftReport drift = DriftReport.NONE;
    public Panel panel = Panel.CONTAINERS;
    public boolean zoomed;
    public View view = View.DASHBOARD;
    public String selectedId;
    public int scroll;
    public int detailScroll;
    public int helpScroll;
    /** The container whose detail is open; detail is null while loading or when it failed (detailError). */
    public String detailId;
    public ContainerDetail detail;
    public String detailError;
    public Confirm confirm;
    public Flash flash;
    public boolean quit;
    public final LogsState logs = new LogsState();
    public final AlertsState alerts = new AlertsState();
    public final ChecklistState checklist = new ChecklistState();
    public final SecurityState security = new SecurityState();
    /** The hosts view (H): every engine, the current one marked. */
    public final HostsState hosts = new HostsState();
    /** The guided deploy / rollback dialog (D, B), or null. */
    public GuidedState guided;
    /**
     * A deploy replaces the container under the selection (a new id; the old one is kept under another
     * name): from its start the selection follows this name, until the operator moves it.
     */
    public String followName;
    /** The banner: a workflow a crash left unfinished, and what finished while the terminal was away. */
    public UnfinishedWorkflow unfinished;
    public List<UnattendedResult> unattended = List.of();
    /** Told the ids of the container rows on screen whenever they change (see {@link #keepSelectionVisible}). */
    public Consumer<List<String>> onRowsShown = ids -> { };
    private List<String> rowsShown;

    /** A dangerous action waiting for y/n, naming its target. */
    /** {@code service}: the row is a swarm service's (its restart is a rolling update, not a container's). */
    public record Confirm(Action action, String containerId, String containerName, boolean service) {
        public Confirm(Action action, String containerId, String containerName) {
            this(action, containerId, containerName, false);
        }
    }

    /** A one-line message shown in place of the hints until it expires. */
    public record Flash(String text, Style style, Instant until) {
    }

    public List<ContainerInfo> rows() {
        return containers == null ? List.of() : containers.containers();
    }

    private ContainersSnapshot rowsOf;
    private SwarmView rowsSwarm;
    private List<ContainerRow> panelRows = List.of();

    /**
     * The Containers panel's rows: services and their tasks first on a swarm manager, then the containers that
     * are not tasks (see {@link ContainerRow#list}); built again only when either snapshot changed.
     */
    public List<ContainerRow> panelRows() {
        if (rowsOf != containers || rowsSwarm != swarm) {
            rowsOf = containers;
            rowsSwarm = swarm;
            panelRows = ContainerRow.list(containers, swarm);
        }
        return panelRows;
    }

    public int selectedIndex() {
        List<ContainerRow> rows = panelRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(selectedId)) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    /** The selected row (the first when the selection's row went away), or null when there are none. */
    public ContainerRow selectedRow() {
        int i = selectedIndex();
        return i < 0 ? null : panelRows().get(i);
    }

    /** The selected container: a container's row, or a task's where this engine runs its container. */
    public ContainerInfo selected() {
        ContainerRow r = selectedRow();
        return r == null ? null : r.container();
    }

    /** The service of the selected service row (not of a task row: that one stands for its container). */
    public SwarmService selectedService() {
        ContainerRow r = selectedRow();
        return r != null && r.kind() == ContainerRow.Kind.SERVICE ? r.service() : null;
    }

    public void select(int index) {
        List<ContainerRow> rows = panelRows();
        if (rows.isEmpty()) {
            selectedId = null;
            return;
        }
        selectedId = rows.get(Math.max(0, Math.min(rows.size() - 1, index))).key();
    }

    /** Keeps the selected row inside a window of {@code visible} rows. */
    public void keepSelectionVisible(int visible) {
        int i = Math.max(0, selectedIndex());
        int v = Math.max(1, visible);
        if (i < scroll) {
            scroll = i;
        } else if (i >= scroll + v) {
            scroll = i - v + 1;
        }
        scroll = Math.max(0, Math.min(scroll, Math.max(0, panelRows().size() - v)));
        announceRowsShown(v);
    }

    /**
     * The renderer keeps the selection inside the window it is about to draw, so this window is what is
     * on screen: its rows (and one more, which the panel draws when there is no stack rule) are announced
     * when they change, for the monitor to sample those and no others.
     */
    private void announceRowsShown(int visible) {
        List<ContainerRow> rows = panelRows();
        int to = Math.min(rows.size(), scroll + visible + 1);
        List<String> ids = new ArrayList<>(Math.max(0, to - scroll));
        for (int i = scroll; i < to; i++) {
            ids.add(ContainerRow.containerId(rows.get(i)));
        }
        ids.removeIf(Objects::isNull);
        if (!ids.equals(rowsShown)) {
            rowsShown = ids;
            onRowsShown.accept(ids);
        }
    }
}
