package edm.console.ui.panels;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The container detail view as lines (pure). Env values arrive masked from the adapter. */
public final class DetailLines {
    private DetailLines() {
    }

    public static List<List<StyledText>> render(ContainerDetail d, Instant now, Messages m, Format f) {
        return render(d, now, m, f, null);
    }

    /** As above, with the compose drift of this container first (null: none). */
    public static List<List<StyledText>> render(ContainerDetail d, Instant now, Messages m, Format f, String drift) {
        List<List<StyledText>> out = new ArrayList<>();
        ContainerInfo s = d.summary();
        field(out, m.get("detail.name"), s.name(), Style.NORMAL);
        if (drift != null) {
            field(out, m.get("compose.drift.kind"), drift, Style.WARNING);
        }
        field(out, m.get("detail.id"), s.id(), Style.MUTED);
        field(out, m.get("detail.image"), s.image(), "latest".equals(s.imageTag()) ? Style.WARNING : Style.NORMAL);
        field(out, m.get("detail.imageId"), d.imageId(), Style.MUTED);
        field(out, m.get("detail.created"), s.createdAt() == null ? f.none() : f.dateTime(s.createdAt()), Style.NORMAL);
        List<StyledText> state = new ArrayList<>(List.of(label(m.get("detail.state")),
                StyledText.of(f.status(s.status()), ContainerColumns.stateStyle(s.status()))));
        if (s.running() && s.startedAt() != null) {
            state.add(StyledText.of("  " + m.get("detail.since", f.dateTime(s.startedAt()), f.uptime(s.startedAt(), now)), Style.MUTED));
        } else if (d.finishedAt() != null) {
            state.add(StyledText.of("  " + m.get("detail.exited", d.exitCode(), f.dateTime(d.finishedAt())), Style.MUTED));
        }
        if (d.oomKilled()) {
            state.add(StyledText.of("  " + m.get("detail.oomKilled"), Style.CRITICAL));
        }
        out.add(state);
        field(out, m.get("detail.restarts"), Integer.toString(Math.max(0, s.restartCount())), s.restartCount() > 0 ? Style.WARNING : Style.NORMAL);
        field(out, m.get("detail.restartPolicy"), d.restartPolicy(), "no".equals(d.restartPolicy()) ? Style.WARNING : Style.NORMAL);
        field(out, m.get("detail.command"), d.command(), Style.NORMAL);

        section(out, m.get("detail.ports"));
        if (s.ports().isEmpty()) {
            item(out, f.none(), Style.MUTED);
        }
        for (PortMapping p : s.ports()) {
            item(out, p.published() ? p.display() : m.get("detail.portNotPublished", p.display()), Style.NORMAL);
        }
        section(out, m.get("detail.networks"));
        for (ContainerDetail.NetworkAttachment n : d.networks()) {
            String aliases = n.aliases().isEmpty() ? "" : "  " + m.get("detail.aliases", String.join(", ", n.aliases()));
            item(out, n.network() + "  " + n.ipAddress() + aliases, Style.NORMAL);
        }
        section(out, m.get("detail.mounts"));
        if (d.mounts().isEmpty()) {
            item(out, f.none(), Style.MUTED);
        }
        d.mounts().forEach(mt -> item(out, mt, Style.NORMAL));
        section(out, m.get("detail.env"));
        d.maskedEnv().forEach(e -> item(out, e, Style.NORMAL));
        section(out, m.get("detail.health", s.health() == HealthStatus.NONE ? f.none() : f.health(s.health())));
        if (d.healthLog().isEmpty()) {
            item(out, m.get("detail.noHealthcheck"), Style.MUTED);
        } else if (d.healthFailingStreak() > 0) {
            item(out, m.get("detail.failingStreak", d.healthFailingStreak()), Style.CRITICAL);
        }
        for (ContainerDetail.HealthCheckResult r : d.healthLog()) {
            Style st = r.exitCode() == 0 ? Style.OK : Style.CRITICAL;
            String when = r.start() == null ? f.none() : f.dateTime(r.start());
            String output = r.output().isEmpty() ? "" : "  " + r.output().replaceAll("\\s+", " ");
            item(out, when + "  " + m.get("detail.exitCode", r.exitCode()) + output, st);
        }
        return out;
    }

    private static void field(List<List<StyledText>> out, String label, String value, Style st) {
        out.add(List.of(label(label), StyledText.of(value, st)));
    }

    private static StyledText label(String label) {
        return StyledText.of(Cells.fit(label, 16), Style.HEADER);
    }

    private static void section(List<List<StyledText>> out, String title) {
        out.add(List.of());
        out.add(List.of(StyledText.of(title, Style.HEADER)));
    }

    private static void item(List<List<StyledText>> out, String text, Style st) {
        out.add(List.of(StyledText.plain("  "), StyledText.of(text, st)));
    }
}
