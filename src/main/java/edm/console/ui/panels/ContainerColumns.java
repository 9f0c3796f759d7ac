package edm.console.ui.panels;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStats;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The containers table's columns and the pure render of one container into cells. Columns have a
 * minimum width and a priority: on a narrow terminal the least important are dropped first, and
 * spare width goes to the name, image and ports columns (see {@link #layout(int, Messages, int, int)}).
 */
public enum ContainerColumns {
    NAME("col.name", 14, 0, Align.LEFT),
    IMAGE("col.image", 14, 3, Align.LEFT),
    STATE("col.state", 8, 1, Align.LEFT),
    HEALTH("col.health", 9, 2, Align.LEFT),
    UPTIME("col.uptime", 7, 4, Align.RIGHT),
    RESTARTS("col.restarts", 3, 7, Align.RIGHT),
    CPU("col.cpu", 6, 5, Align.RIGHT),
    MEMORY("col.memory", 20, 6, Align.RIGHT),
    PORTS("col.ports", 12, 8, Align.LEFT);

    public final String headerKey;
    public final int minWidth;
    /** Lower is more important; the highest is dropped first when space runs out. */
    public final int priority;
    public final Align align;

    ContainerColumns(String headerKey, int minWidth, int priority, Align align) {
        this.headerKey = headerKey;
        this.minWidth = minWidth;
        this.priority = priority;
        this.align = align;
    }

    /** A column chosen for display with its width in cells. */
    public record Placed(ContainerColumns column, int width) {
    }

    /** Picks columns and widths for a table {@code totalWidth} cells wide (1 cell gap between columns). */
    public static List<Placed> layout(int totalWidth, Messages m) {
        return layout(totalWidth, m, 0, 0);
    }

    /**
     * As {@link #layout(int, Messages)}, sized for the content: spare width goes first to the name
     * column until the widest name fits (names are what the operator scans for), then to the image
     * column likewise, then the rest to ports.
     */
    public static List<Placed> layout(int totalWidth, Messages m, int widestName, int widestImage) {
        List<ContainerColumns> chosen = new ArrayList<>(List.of(values()));
        while (chosen.size() > 1 && required(chosen, m) > totalWidth) {
            ContainerColumns drop = chosen.stream().max((a, b) -> Integer.compare(a.priority, b.priority)).orElseThrow();
            chosen.remove(drop);
        }
        int spare = Math.max(0, totalWidth - required(chosen, m));
        java.util.Map<ContainerColumns, Integer> widths = new java.util.EnumMap<>(ContainerColumns.class);
        chosen.forEach(c -> widths.put(c, width(c, m)));
        spare = grow(widths, NAME, Math.min(widestName, MAX_NAME), spare);
        spare = grow(widths, IMAGE, Math.min(widestImage, MAX_IMAGE), spare);
        ContainerColumns last = widths.containsKey(PORTS) ? PORTS : widths.containsKey(IMAGE) ? IMAGE : NAME;
        widths.merge(last, spare, Integer::sum);
        List<Placed> out = new ArrayList<>();
        for (ContainerColumns c : chosen) {
            out.add(new Placed(c, widths.get(c)));
        }
        return out;
    }

    private static final int MAX_NAME = 48;
    private static final int MAX_IMAGE = 40;

    private static int grow(java.util.Map<ContainerColumns, Integer> widths, ContainerColumns c, int wanted, int spare) {
        Integer w = widths.get(c);
        if (w == null || wanted <= w) {
            return spare;
        }
        int add = Math.min(spare, wanted - w);
        widths.put(c, w + add);
        return spare - add;
    }

    private static int width(ContainerColumns c, Messages m) {
        return Math.max(c.minWidth, edm.console.text.Cells.width(m.get(c.headerKey)));
    }

    private static int required(List<ContainerColumns> cols, Messages m) {
        return cols.stream().mapToInt(c -> width(c, m)).sum() + Math.max(0, cols.size() - 1);
    }

    /**
     * The cell of this column for one container. stats may be null (not sampled yet or not running).
     * stackMember: one of the configured EDM containers, whose stopping is an alarm; for others it is not.
     */
    public StyledText render(ContainerInfo c, ContainerStats stats, boolean stackMember, Instant now, Format f) {
        return switch (this) {
            case NAME -> StyledText.of(c.name(), Style.NORMAL);
            case IMAGE -> StyledText.of(c.image(), "latest".equals(c.imageTag()) ? Style.WARNING : Style.NORMAL);
            case STATE -> StyledText.of(f.status(c.status()),
                    stackMember || c.running() ? stateStyle(c.status()) : Style.MUTED);
            case HEALTH -> StyledText.of(c.health() == HealthStatus.NONE ? f.none() : f.health(c.health()), healthStyle(c.health()));
            case UPTIME -> c.running() && c.startedAt() != null
                    ? StyledText.of(f.uptime(c.startedAt(), now), Style.NORMAL) : StyledText.of(f.none(), Style.MUTED);
            case RESTARTS -> c.restartCount() < 0 ? StyledText.of(f.none(), Style.MUTED)
                    : StyledText.of(Integer.toString(c.restartCount()), c.restartCount() > 0 ? Style.WARNING : Style.MUTED);
            case CPU -> stats == null ? StyledText.of(f.none(), Style.MUTED)
                    : StyledText.of(f.percent(stats.cpuPercent()), stats.cpuPercent() >= 90 ? Style.WARNING : Style.NORMAL);
            case MEMORY -> stats == null ? StyledText.of(f.none(), Style.MUTED) : memory(stats, f);
            case PORTS -> StyledText.of(c.ports().stream().filter(PortMapping::published).map(PortMapping::display)
                    .collect(Collectors.joining(",")), Style.MUTED);
        };
    }

    private static StyledText memory(ContainerStats s, Format f) {
        String text = s.memoryLimitBytes() > 0 ? f.bytes(s.memoryUsedBytes()) + " / " + f.bytes(s.memoryLimitBytes())
                : f.bytes(s.memoryUsedBytes());
        return StyledText.of(text, s.memoryPercent() >= 90 ? Style.CRITICAL : Style.NORMAL);
    }

    public static Style stateStyle(ContainerStatus s) {
        return switch (s) {
            case RUNNING -> Style.OK;
            case RESTARTING, PAUSED, CREATED, REMOVING -> Style.WARNING;
            case EXITED, DEAD -> Style.CRITICAL;
            case UNKNOWN -> Style.MUTED;
        };
    }

    public static Style healthStyle(HealthStatus h) {
        return switch (h) {
            case HEALTHY -> Style.OK;
            case STARTING -> Style.WARNING;
            case UNHEALTHY -> Style.CRITICAL;
            case NONE -> Style.MUTED;
        };
    }
}
