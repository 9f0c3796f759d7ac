package edm.console.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.HostSnapshot;
import edm.console.core.PortMapping;
import edm.console.core.ProbeStatus;
import edm.console.docker.EngineEndpoint;
import edm.console.health.AlertRule;
import edm.console.health.SpecRules;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.TextTable;
import java.io.IOException;
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
        if (cli.options().allHosts) {
            return allHosts(cli, json);
        }
        PrintWriter out = cli.out;
        LoadedConfig loaded = cli.loaded();
        ConsoleConfig config = loaded.config();
        SnapshotCollector.Report r = SnapshotCollector.collect(config, Clock.SYSTEM);
        List<String> breaches = breaches(config, r);
        if (json) {
            out.println(ProbeReport.jsonObject(g -> writeJson(g, r, ConfigSelection.label(loaded), config, dockerContext(config), breaches)));
            out.flush();
            return ProbeReport.exitCode(r.worst());
        }
        Format f = Format.current();
        String context = dockerContext(config);
        String address = r.containers().engine().endpoint();
        out.println(Messages.t("status.header", ConfigSelection.label(loaded),
                context.isEmpty() ? address : Messages.t("status.dockerContext", context, address), f.dateTime(r.at())));
        out.println();
        body(out, config, r, breaches);
        out.flush();
        return ProbeReport.exitCode(r.worst());
    }

    /**
     * {@code status --all-hosts}: every engine's snapshot (collected in parallel, {@link AllHosts}), one section each
     * headed by its name and address; JSON: one object per host with the fields of a single status. Exit: the worst.
     */
    static int allHosts(CliContext cli, boolean json) {
        PrintWriter out = cli.out;
        LoadedConfig loaded = cli.loaded();
        List<AllHosts.Section> sections = AllHosts.collect(loaded.config(), Clock.SYSTEM);
        ProbeStatus worst = AllHosts.worst(sections);
        if (json) {
            out.println(ProbeReport.jsonObject(g -> {
                g.writeStringField("status", worst.name().toLowerCase(Locale.ROOT));
                g.writeNumberField("exitCode", ProbeReport.exitCode(worst));
                g.writeStringField("config", ConfigSelection.label(loaded));
                g.writeArrayFieldStart("hosts");
                for (AllHosts.Section s : sections) {
                    g.writeStartObject();
                    AllHosts.writeHostFields(g, s);
                    writeJson(g, s.report(), sectionConfigLabel(loaded, s), s.config(), "", breaches(s.config(), s.report()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }));
            out.flush();
            return ProbeReport.exitCode(worst);
        }
        Format f = Format.current();
        out.println(Messages.t("status.header", ConfigSelection.label(loaded), Messages.t("allHosts.engines", sections.size()),
                f.dateTime(sections.get(0).report().at())));
        for (AllHosts.Section s : sections) {
            out.println();
            out.println(AllHosts.heading(s));
            if (!s.unreachable().isEmpty()) {
                out.println(Messages.t("allHosts.unreachable", s.unreachable()));
                continue;
            }
            String notHere = s.notHere(sections.get(0).spec().name());
            if (notHere != null) {
                out.println(notHere);
            }
            out.println();
            body(out, s.config(), s.report(), breaches(s.config(), s.report()));
        }
        out.println();
        out.println(AllHosts.summary(sections));
        out.flush();
        return ProbeReport.exitCode(worst);
    }

    /** The engine's own config file when it has one, else the main config's. */
    private static String sectionConfigLabel(LoadedConfig loaded, AllHosts.Section s) {
        return s.spec().configFile() != null ? s.spec().configFile().toString() : ConfigSelection.label(loaded);
    }

    private static List<String> breaches(ConsoleConfig config, SnapshotCollector.Report r) {
        List<String> breaches = new ArrayList<>();
        for (AlertRule rule : SpecRules.from(config)) {
            rule.evaluate(r.probes()).forEach(b -> breaches.add(rule.severity() + " " + rule.id() + ": " + b.message()));
        }
        return breaches;
    }

    /** Containers, resources, probes and alert conditions of one engine's snapshot. */
    private static void body(PrintWriter out, ConsoleConfig config, SnapshotCollector.Report r, List<String> breaches) {
        Format f = Format.current();
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
    }

    /** The docker context the engine's address came from, "" for none (the collector has already said an unusable one). */
    private static String dockerContext(ConsoleConfig config) {
        try {
            return EngineEndpoint.target(config.docker.endpoint).context();
        } catch (EngineEndpoint.ContextException e) {
            return "";
        }
    }

    /** The report's fields, then the config, the engine, every container and the alert conditions. */
    static void writeJson(JsonGenerator g, SnapshotCollector.Report r, LoadedConfig loaded, List<String> breaches)
            throws IOException {
        writeJson(g, r, ConfigSelection.label(loaded), loaded.config(), dockerContext(loaded.config()), breaches);
    }

    /** The fields of one engine's status (also each host's in {@code status --all-hosts --json}). */
    static void writeJson(JsonGenerator g, SnapshotCollector.Report r, String configLabel, ConsoleConfig config, String dockerContext,
                          List<String> breaches) throws IOException {
        ProbeReport.writeJson(g, r.probes(), r.worst());
        g.writeStringField("config", configLabel);
        g.writeStringField("engine", r.containers().engine().endpoint());
        g.writeStringField("dockerContext", dockerContext);
        g.writeBooleanField("engineConnected", r.containers().engine().connected());
        g.writeArrayFieldStart("containers");
        for (ContainerInfo c : r.containers().containers()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("image", c.image());
            g.writeStringField("state", c.status().name().toLowerCase(Locale.ROOT));
            g.writeStringField("health", c.health().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("restarts", c.restartCount());
            g.writeBooleanField("stack", config.containerNames().contains(c.name()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("alertConditions");
        for (String b : breaches) {
            g.writeString(b);
        }
        g.writeEndArray();
    }
}
