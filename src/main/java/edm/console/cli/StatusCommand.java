package edm.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.HostSnapshot;
import edm.console.core.PortMapping;
import edm.console.health.AlertRule;
import edm.console.health.SpecRules;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edm-console status}: a one-screen snapshot of containers, resources, health and alert conditions. */
@Command(name = "status", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--json", descriptionKey = "opt.json")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (CliContext cli = CliContext.open(spec)) {
            return cli == null ? CheckCommand.COULD_NOT_RUN : status(cli, json);
        }
    }

    /** The snapshot itself, the same whether picocli read the command line or {@link DirectCommands} did. */
    static int status(CliContext cli, boolean json) throws Exception {
        PrintWriter out = cli.out;
        LoadedConfig loaded = cli.loaded();
        ConsoleConfig config = loaded.config();
        SnapshotCollector.Report r = SnapshotCollector.collect(config, Clock.SYSTEM);
        List<String> breaches = new ArrayList<>();
        for (AlertRule rule : SpecRules.from(config)) {
            rule.evaluate(r.probes()).forEach(b -> breaches.add(rule.severity() + " " + rule.id() + ": " + b.message()));
        }
        if (json) {
            ObjectNode root = ProbeReport.json(r.probes(), r.worst());
            root.put("config", ConfigSelection.label(loaded));
            root.put("engine", r.containers().engine().endpoint());
            root.put("engineConnected", r.containers().engine().connected());
            ArrayNode cs = root.putArray("containers");
            for (ContainerInfo c : r.containers().containers()) {
                ObjectNode n = cs.addObject();
                n.put("name", c.name());
                n.put("image", c.image());
                n.put("state", c.status().name().toLowerCase(Locale.ROOT));
                n.put("health", c.health().name().toLowerCase(Locale.ROOT));
                n.put("restarts", c.restartCount());
                n.put("stack", config.containerNames().contains(c.name()));
            }
            ArrayNode conditions = root.putArray("alertConditions");
            breaches.forEach(conditions::add);
            out.println(ProbeReport.jsonText(root));
            out.flush();
            return ProbeReport.exitCode(r.worst());
        }
        Format f = Format.current();
        out.println(Messages.t("status.header", ConfigSelection.label(loaded), r.containers().engine().endpoint(),
                f.dateTime(r.at())));
        out.println();
        TextTable t = new TextTable().column(Messages.t("col.name"), Align.LEFT).column(Messages.t("col.image"), Align.LEFT)
                .column(Messages.t("col.state"), Align.LEFT).column(Messages.t("col.health"), Align.LEFT)
                .column(Messages.t("col.uptime"), Align.RIGHT).column(Messages.t("col.restarts"), Align.RIGHT)
                .shrinkableColumn(Messages.t("col.ports"), Align.LEFT);
        for (ContainerInfo c : r.containers().containers()) {
            t.row(c.name(), c.image(), f.status(c.status()), f.health(c.health()),
                    c.running() && c.startedAt() != null ? f.uptime(c.startedAt(), r.at()) : f.none(),
                    c.restartCount() < 0 ? f.none() : Integer.toString(c.restartCount()),
                    c.ports().stream().filter(PortMapping::published).map(PortMapping::display).collect(Collectors.joining(",")));
        }
        if (!r.containers().engine().connected()) {
            var engine = r.containers().engine();
            out.println(engine.notAnswering() ? Messages.t("engine.silentNow", engine.endpoint(), engine.error())
                    : Messages.t("engine.down", engine.endpoint(), engine.error()));
        } else {
            t.lines(Terminal.width()).forEach(out::println);
        }
        out.println();
        HostSnapshot h = r.host();
        if (h != null) {
            out.println(Messages.t("status.resources", f.percent(h.cpuPercent()), String.format("%.2f", h.loadAverage()[0]),
                    f.percent(h.memoryPercent()), f.bytes(h.memoryTotalBytes())));
        }
        out.println();
        ProbeReport.table(r.probes(), false, Terminal.width()).forEach(out::println);
        out.println();
        if (breaches.isEmpty()) {
            out.println(Messages.t("status.noAlerts"));
        } else {
            out.println(Messages.t("status.alerts", breaches.size()));
            breaches.forEach(b -> out.println("  " + b));
        }
        out.flush();
        return ProbeReport.exitCode(r.worst());
    }
}
