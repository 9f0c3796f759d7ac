package edm.console.ui.panels;

import edm.console.config.ConsoleConfig;
import edm.console.core.HostSnapshot;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.util.ArrayList;
import java.util.List;

/**
 * The Resources panel as lines of styled text (pure, so it is tested without a terminal). Values past
 * SPEC-006's thresholds (disk > 85 %, memory > 90 % by default) are critical; within five points of
 * a threshold, a warning.
 */
public final class ResourceLines {
    private static final double WARN_MARGIN = 5;

    private ResourceLines() {
    }

    public static List<List<StyledText>> render(HostSnapshot h, ConsoleConfig.Thresholds t, int width, Messages m, Format f) {
        List<List<StyledText>> lines = new ArrayList<>();
        if (h == null) {
            lines.add(List.of(StyledText.of(m.get("resources.sampling"), Style.MUTED)));
            return lines;
        }
        double[] load = h.loadAverage();
        lines.add(List.of(label(m.get("resources.cpu")), value(f.percent(h.cpuPercent()), level(h.cpuPercent(), 90)),
                StyledText.plain("  " + bar(h.cpuPercent(), 10) + "  "),
                label(m.get("resources.load")), StyledText.plain(loadText(load, f)),
                label("  " + m.get("resources.uptime")), StyledText.plain(f.duration(java.time.Duration.ofSeconds(h.uptimeSeconds())))));
        lines.add(coreLine(h, width, f));
        lines.add(List.of(label(m.get("resources.memory")),
                value(f.bytes(h.memoryUsedBytes()) + " / " + f.bytes(h.memoryTotalBytes()) + "  " + f.percent(h.memoryPercent()),
                        level(h.memoryPercent(), t.memoryPercent)),
                StyledText.plain("  " + bar(h.memoryPercent(), 10) + "  "),
                label(m.get("resources.swap")),
                h.swapTotalBytes() <= 0 ? StyledText.of(m.get("resources.noSwap"), Style.MUTED)
                        : value(f.bytes(h.swapUsedBytes()) + " / " + f.bytes(h.swapTotalBytes()) + "  " + f.percent(h.swapPercent()),
                        level(h.swapPercent(), 80))));
        lines.add(List.of(StyledText.of(m.get("resources.filesystems"), Style.HEADER)));
        int mountWidth = Math.min(24, Math.max(8, h.fileSystems().stream().mapToInt(fs -> edm.console.text.Cells.width(fs.mount())).max().orElse(8)));
        for (HostSnapshot.FileSystemUsage fs : h.fileSystems()) {
            Style st = level(fs.usedPercent(), t.diskPercent);
            List<StyledText> line = new ArrayList<>();
            line.add(StyledText.plain(" " + edm.console.text.Cells.fit(fs.mount(), mountWidth) + " "));
            line.add(value(edm.console.text.Cells.fit(f.percent(fs.usedPercent()), 6, edm.console.text.Align.RIGHT), st));
            line.add(StyledText.plain(" " + bar(fs.usedPercent(), 10) + " "));
            line.add(StyledText.of(f.bytes(fs.usedBytes()) + " / " + f.bytes(fs.totalBytes()), Style.MUTED));
            if (fs.holdsProjectDir()) {
                line.add(StyledText.of("  [" + m.get("resources.projectDir") + "]", Style.ACCENT));
            }
            lines.add(line);
        }
        lines.add(List.of(StyledText.of(m.get("resources.network"), Style.HEADER)));
        if (h.networks().isEmpty()) {
            lines.add(List.of(StyledText.of(" " + f.none(), Style.MUTED)));
        }
        for (HostSnapshot.NetworkRate n : h.networks()) {
            lines.add(List.of(StyledText.plain(" " + edm.console.text.Cells.fit(n.name(), 12) + " "),
                    StyledText.plain(m.get("resources.rx") + " " + edm.console.text.Cells.fit(f.rate(n.receiveBytesPerSecond()), 12) + " "),
                    StyledText.plain(m.get("resources.tx") + " " + f.rate(n.sendBytesPerSecond()))));
        }
        return lines;
    }

    private static List<StyledText> coreLine(HostSnapshot h, int width, Format f) {
        List<StyledText> line = new ArrayList<>();
        line.add(StyledText.plain(" "));
        int used = 1;
        for (int i = 0; i < h.cpuPerCore().size(); i++) {
            double v = h.cpuPerCore().get(i);
            String cell = i + ":" + edm.console.text.Cells.fit(f.percent(v), 6, edm.console.text.Align.RIGHT) + " ";
            if (used + cell.length() > width) {
                line.add(StyledText.of("…", Style.MUTED));
                break;
            }
            line.add(StyledText.of(cell, v >= 90 ? Style.WARNING : Style.MUTED));
            used += cell.length();
        }
        return line;
    }

    static Style level(double value, double threshold) {
        if (value > threshold) {
            return Style.CRITICAL;
        }
        return value > threshold - WARN_MARGIN ? Style.WARNING : Style.OK;
    }

    private static String loadText(double[] load, Format f) {
        StringBuilder b = new StringBuilder();
        for (double l : load) {
            b.append(l < 0 ? f.none() : f.twoDecimals(l)).append(' ');
        }
        return b.toString();
    }

    /** A gauge like ▰▰▰▱▱▱▱▱▱▱ (U+25B0/1 are narrow in East Asian terminals too, unlike █ and ░). */
    static String bar(double percent, int cells) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100.0 * cells);
        return "▰".repeat(filled) + "▱".repeat(cells - filled);
    }

    private static StyledText label(String s) {
        return StyledText.of(s + " ", Style.HEADER);
    }

    private static StyledText value(String s, Style st) {
        return StyledText.of(s, st);
    }
}
