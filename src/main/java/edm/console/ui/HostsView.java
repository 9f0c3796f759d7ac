package edm.console.ui;

import edm.console.core.EngineSummary;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts view (H): one row per engine, from its latest poll. An engine that could not be read says why on its
 * row; what an engine does not report (free disk, used memory) reads UNKNOWN, never a guess.
 */
final class HostsView {
    private static final int NAME = 16;
    private static final int STATE = 14;
    private static final int COUNT = 11;
    private static final int SMALL = 10;
    private static final int MEMORY = 16;

    private HostsView() {
    }

    static void draw(Canvas body, UiState s, UiContext ctx, Instant now) {
        Messages m = ctx.messages();
        body.frame(m.get("hosts.title", s.hosts.rows.size()), true);
        Canvas inner = body.inner();
        LinesView.draw(inner, lines(s.hosts, inner.width(), now, m, ctx.format()), 0);
    }

    static List<List<StyledText>> lines(HostsState h, int width, Instant now, Messages m, Format f) {
        List<List<StyledText>> out = new ArrayList<>();
        out.add(List.of(StyledText.of("  " + Cells.fit(m.get("hosts.col.engine"), NAME) + " "
                + Cells.fit(m.get("hosts.col.state"), STATE) + " " + Cells.fit(m.get("hosts.col.containers"), COUNT) + " "
                + Cells.fit(m.get("hosts.col.unhealthy"), SMALL) + " " + Cells.fit(m.get("hosts.col.alerts"), SMALL) + " "
                + Cells.fit(m.get("hosts.col.memory"), MEMORY) + " " + Cells.fit(m.get("hosts.col.disk"), SMALL) + " "
                + m.get("hosts.col.endpoint"), Style.HEADER)));
        for (int i = 0; i < h.rows.size(); i++) {
            out.add(row(h, h.rows.get(i), i == h.selected, width, now, m, f));
        }
        out.add(List.of());
        out.add(List.of(StyledText.of(m.get("hosts.legend"), Style.MUTED)));
        out.add(List.of(StyledText.of(m.get("hosts.legendHost"), Style.MUTED)));
        if (h.pollEvery != null) {
            out.add(List.of(StyledText.of(m.get("hosts.legendAlerts", f.duration(h.pollEvery)), Style.MUTED)));
        }
        return out;
    }

    private static List<StyledText> row(HostsState h, EngineSummary r, boolean selected, int width, Instant now,
                                        Messages m, Format f) {
        boolean current = r.name().equals(h.current);
        String mark = r.name().equals(h.switching) ? "~ " : current ? "* " : "  ";
        List<StyledText> line = new ArrayList<>();
        line.add(StyledText.of(mark + Cells.fit(r.name(), NAME) + " ", selected ? Style.SELECTED : current ? Style.ACCENT : Style.NORMAL));
        switch (r.reach()) {
            case CHECKING -> line.add(StyledText.of(Cells.fit(m.get("hosts.checking"), STATE), Style.MUTED));
            case DOWN, NOT_ANSWERING -> {
                String state = m.get(r.reach() == EngineSummary.Reach.DOWN ? "hosts.down" : "hosts.silent");
                line.add(StyledText.of(Cells.fit(state, STATE) + " ", Style.CRITICAL));
                // Why, on the same line, with when it was last asked.
                line.add(StyledText.of(Cells.truncate(m.get("hosts.why", r.why(), f.ago(r.checkedAt(), now)),
                        Math.max(10, width - NAME - STATE - 5)), Style.CRITICAL));
            }
            case UP -> {
                line.add(StyledText.of(Cells.fit(m.get("hosts.up"), STATE) + " ", Style.OK));
                line.add(StyledText.of(Cells.fit(r.running() + " / " + r.total(), COUNT) + " ", Style.NORMAL));
                line.add(StyledText.of(Cells.fit(String.valueOf(r.unhealthy()), SMALL) + " ",
                        r.unhealthy() > 0 ? Style.CRITICAL : Style.NORMAL));
                line.add(StyledText.of(Cells.fit(String.valueOf(r.firing()), SMALL) + " ", r.firing() > 0 ? Style.CRITICAL : Style.NORMAL));
                long mem = r.info() == null ? -1 : r.info().memTotalBytes();
                line.add(StyledText.of(Cells.fit(mem < 0 ? m.get("hosts.unknown") : m.get("hosts.memTotal", f.bytes(mem)), MEMORY) + " ",
                        mem < 0 ? Style.WARNING : Style.NORMAL));
                line.add(StyledText.of(Cells.fit(m.get("hosts.unknown"), SMALL) + " ", Style.MUTED));
                line.add(StyledText.of(r.endpoint(), Style.MUTED));
            }
        }
        return line;
    }
}
