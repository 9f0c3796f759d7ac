package edm.console.sandbox;

import edm.console.core.PortMapping;
import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders {@link SandboxStatus} as plain text lines (pure; the CLI prints them, tests compare them). */
public final class SandboxStatusTable {
    private SandboxStatusTable() {
    }

    public static List<String> render(SandboxStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {Messages.t("sandbox.status.name"), Messages.t("sandbox.status.image"),
                Messages.t("sandbox.status.state"), Messages.t("sandbox.status.health"), Messages.t("sandbox.status.ports")});
        for (SandboxContainerState c : status.containers()) {
            rows.add(c.exists()
                    ? new String[] {c.name(), c.image(), lower(c.status()), lower(c.health()),
                            c.ports().stream().filter(PortMapping::published).map(PortMapping::display).collect(Collectors.joining(", "))}
                    : new String[] {c.name(), "-", Messages.t("sandbox.status.absent"), "-", "-"});
        }
        List<String> lines = new ArrayList<>(table(rows));
        lines.add("");
        lines.add(Messages.t(status.networkExists() ? "sandbox.status.network" : "sandbox.status.networkAbsent", SandboxSpec.NETWORK));
        List<String> missing = status.missingImages();
        lines.add(missing.isEmpty()
                ? Messages.t("sandbox.status.imagesAll", status.images().size())
                : Messages.t("sandbox.status.imagesMissing", status.images().size() - missing.size(), status.images().size(),
                        String.join(", ", missing)));
        return lines;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Left-aligned columns separated by two spaces; widths by code points (no wide chars in the cells). */
    static List<String> table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], displayWidth(r[i]));
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(r[i]);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - displayWidth(r[i]) + 2));
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** CJK characters take two terminal columns (the zh-CN headers). */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1).sum();
    }
}
