package edm.console.ui.panels;

import edm.console.compose.Drift;
import edm.console.compose.DriftReport;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.Cells;
import edm.console.ui.Canvas;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Draws the containers table: header, one row per container (stack members first, a rule between
 * them and the others), on a swarm manager the services with their tasks above them (and a rule), the
 * selected row highlighted and kept in view. When the engine is
 * unreachable the reason and the retry countdown head the panel, and when it does not answer, for how long
 * and how old the rows are; the last known rows stay, muted.
 */
public final class ContainersPanel {
    private ContainersPanel() {
    }

    /** The last rows measured and their widest name and image: the rows change far less often than frames are drawn. */
    private static List<ContainerRow> measured;
    private static int[] measuredWidths;

    /** The widest name and image in the rows (all rows, not only the visible ones, so columns do not jump on scrolling). */
    private static synchronized int[] widest(List<ContainerRow> rows) {
        if (rows != measured) {
            int name = 0;
            int image = 0;
            for (ContainerRow r : rows) {
                switch (r.kind()) {
                    case CONTAINER -> {
                        name = Math.max(name, Cells.width(r.container().name()));
                        image = Math.max(image, Cells.width(r.container().image()));
                    }
                    case SERVICE -> {
                        name = Math.max(name, Cells.width(SwarmColumns.serviceName(r.service())));
                        image = Math.max(image, Cells.width(r.service().imageRef()));
                    }
                    case TASK -> name = Math.max(name, Cells.width(SwarmColumns.taskName(r.task(), r.service())));
                }
            }
            measuredWidths = new int[] {name, image};
            measured = rows;
        }
        return measuredWidths;
    }

    /** Rows of the table body that fit in a canvas of this height (after header and banner). */
    public static int bodyHeight(int canvasHeight, ContainersSnapshot s) {
        return Math.max(1, canvasHeight - 1 - (s.engine().connected() ? 0 : 2));
    }

    /**
     * @param selected index of the selected row, -1 for none
     * @param scroll   first visible row
     */
    public static void draw(Canvas c, ContainersSnapshot s, Set<String> stackNames, int selected, int scroll,
                            boolean focused, Instant now, Messages m, Format f) {
        draw(c, s, ContainerRow.list(s, null), stackNames, selected, scroll, focused, now, m, f, DriftReport.NONE, "");
    }

    /** As above; a container where engine and compose file disagree is marked ("! name"), a service without one listed last. */
    public static void draw(Canvas c, ContainersSnapshot s, Set<String> stackNames, int selected, int scroll,
                            boolean focused, Instant now, Messages m, Format f, DriftReport drift) {
        draw(c, s, ContainerRow.list(s, null), stackNames, selected, scroll, focused, now, m, f, drift, "");
    }

    /**
     * The panel's rows ({@link ContainerRow#list}): on a swarm manager its services, each with its tasks under it,
     * then a rule, then the containers that are not tasks. {@code swarmProblem}, when not empty, is why the
     * services could not be read (a line below the rows).
     */
    public static void draw(Canvas c, ContainersSnapshot s, List<ContainerRow> rows, Set<String> stackNames, int selected,
                            int scroll, boolean focused, Instant now, Messages m, Format f, DriftReport drift,
                            String swarmProblem) {
        int row = 0;
        EngineStatus e = s.engine();
        if (!e.connected()) {
            row = drawEngineBanner(c, e, s.listedAt(), now, m, f);
        }
        int[] widest = widest(rows);
        int widestName = widest[0] + (drift.findings().isEmpty() ? 0 : DRIFT_MARK.length());
        int widestImage = widest[1];
        List<ContainerColumns.Placed> cols = ContainerColumns.layout(c.width(), m, widestName, widestImage);
        int col = 0;
        for (ContainerColumns.Placed p : cols) {
            c.cell(col, row, p.width(), m.get(p.column().headerKey), Style.HEADER, p.column().align == Align.RIGHT);
            col += p.width() + 1;
        }
        row++;
        if (rows.isEmpty()) {
            String msg = e.connected() ? m.get("containers.none") : "";
            c.text(1, row, msg, Style.MUTED);
            if (!swarmProblem.isEmpty()) {
                c.text(0, row + 1, DRIFT_MARK + m.get("swarm.problem", SwarmColumns.oneLine(swarmProblem)), Style.WARNING);
            }
            return;
        }
        int visible = c.height() - row;
        for (int i = scroll; i < rows.size() && row < c.height(); i++, row++) {
            ContainerRow r = rows.get(i);
            ContainerInfo ci = r.container();
            boolean member = r.kind() == ContainerRow.Kind.CONTAINER && stackNames.contains(ci.name());
            boolean isSelected = i == selected && focused;
            if (isSelected) {
                c.fillRow(row, Style.SELECTED);
            }
            col = 0;
            for (ContainerColumns.Placed p : cols) {
                StyledText t = switch (r.kind()) {
                    case SERVICE -> SwarmColumns.service(p.column(), r.service(), m, f);
                    case TASK -> SwarmColumns.task(p.column(), r.task(), r.service(), ci == null ? null : s.stats().get(ci.id()),
                            now, m, f);
                    case CONTAINER -> p.column().render(ci, s.stats().get(ci.id()), member, now, f);
                };
                if (p.column() == ContainerColumns.NAME && ci != null && r.kind() == ContainerRow.Kind.CONTAINER
                        && drift.about(ci.name()) != null) {
                    t = StyledText.of(DRIFT_MARK + t.text(), Style.WARNING);
                }
                Style st = isSelected ? Style.SELECTED : (e.connected() ? t.style() : Style.MUTED);
                c.cell(col, row, p.width(), t.text(), st, p.column().align == Align.RIGHT);
                col += p.width() + 1;
            }
            // A rule under the last stack member separates the EDM stack from everything else on the host, and
            // one under the last swarm row the services from the plain containers.
            boolean next = i + 1 < rows.size();
            boolean lastMember = member && (!next || rows.get(i + 1).kind() != ContainerRow.Kind.CONTAINER
                    || !stackNames.contains(rows.get(i + 1).container().name()));
            boolean lastSwarm = r.swarm() && next && !rows.get(i + 1).swarm();
            if ((lastMember || lastSwarm) && next && row + 1 < c.height() && visible > 3) {
                row++;
                c.text(0, row, "─".repeat(Math.max(0, c.width())), Style.BORDER);
            }
        }
        if (!swarmProblem.isEmpty() && row < c.height()) {
            c.text(0, row++, DRIFT_MARK + m.get("swarm.problem", SwarmColumns.oneLine(swarmProblem)), Style.WARNING);
        }
        // A service of the compose file without a container has no row of its own: one line each, below the rows.
        for (Drift.Finding missing : drift.missing()) {
            if (row >= c.height()) {
                break;
            }
            c.text(0, row++, DRIFT_MARK + drift.reason(missing, m), Style.WARNING);
        }
    }

    /** Marks a row where the engine and the compose file disagree (ASCII: one cell in every terminal). */
    public static final String DRIFT_MARK = "! ";

    private static int drawEngineBanner(Canvas c, EngineStatus e, Instant listedAt, Instant now, Messages m, Format f) {
        if (e.notAnswering()) {
            // The rows below are what the engine said last, not what is: say how old they are.
            String silent = listedAt == null ? m.get("engine.silentNoData", e.endpoint(), e.silentSeconds(now))
                    : m.get("engine.silent", e.endpoint(), e.silentSeconds(now), f.clock(listedAt));
            c.fillRow(0, Style.CRITICAL);
            c.text(1, 0, silent, Style.CRITICAL);
            c.text(1, 1, m.get("engine.silentRetry"), Style.WARNING);
            return 2;
        }
        String reason = e.error().isEmpty() ? m.get("engine.connecting", e.endpoint()) : m.get("engine.down", e.endpoint(), e.error());
        c.fillRow(0, Style.CRITICAL);
        c.text(1, 0, reason, Style.CRITICAL);
        if (e.nextRetry() != null) {
            long secs = Math.max(0, Duration.between(now, e.nextRetry()).toSeconds());
            c.text(1, 1, m.get("engine.retry", secs), Style.WARNING);
        }
        return 2;
    }
}
