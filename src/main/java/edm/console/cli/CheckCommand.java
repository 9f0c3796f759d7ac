package edm.console.cli;

import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console check}: every probe once, for cron (replaces SPEC-006's health-check.sh).
 * Exit 0 all well, 1 warning, 2 critical, 3 the check itself could not run.
 */
@Command(name = "check", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    public static final int COULD_NOT_RUN = 3;
    public static final Set<String> FORMATS = Set.of("table", "json", "prometheus");

    @Option(names = "--json", descriptionKey = "opt.json")
    boolean json;
    @Option(names = {"-q", "--quiet"}, descriptionKey = "opt.quiet")
    boolean quiet;
    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "opt.check.format")
    String format;
    @Option(names = "--textfile", paramLabel = "DIR", descriptionKey = "opt.check.textfile")
    Path textfile;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (CliContext cli = CliContext.open(spec)) {
            return cli == null ? COULD_NOT_RUN : check(cli, json, quiet, format, textfile);
        }
    }

    /**
     * The check itself, the same whether picocli read the command line or {@link DirectCommands} did.
     * {@code format} null means the table (or JSON with {@code --json}); {@code textfile} only with prometheus.
     */
    static int check(CliContext cli, boolean json, boolean quiet, String format, Path textfile) throws Exception {
        PrintWriter out = cli.out;
        String f = format == null ? json ? "json" : "table" : format;
        if (!FORMATS.contains(f) || json && !"json".equals(f)) {
            cli.err.println(Messages.t("check.badFormat", String.valueOf(format)));
            return CliContext.CONFIG;
        }
        if (textfile != null && !"prometheus".equals(f)) {
            cli.err.println(Messages.t("check.textfileNeedsPrometheus"));
            return CliContext.CONFIG;
        }
        if (cli.options().allHosts) {
            if ("prometheus".equals(f)) {
                cli.err.println(Messages.t("allHosts.badFormat", f));
                return CliContext.CONFIG;
            }
            return allHosts(cli, "json".equals(f), quiet);
        }
        if ("prometheus".equals(f)) {
            // Label values are series identity: a probe's kind or target in the operator's language would
            // start new series whenever --lang changes. Metrics are for machines: always in English.
            Messages.use(Locale.ENGLISH);
        }
        SnapshotCollector.Report report = SnapshotCollector.collect(cli.config(), Clock.SYSTEM);
        ProbeStatus worst = report.worst();
        if ("prometheus".equals(f)) {
            String text = PrometheusReport.text(report, cli.config(), Clock.SYSTEM);
            if (textfile == null) {
                out.print(text);
            } else {
                PrometheusReport.writeTextfile(textfile, text);
            }
        } else if ("json".equals(f)) {
            out.println(ProbeReport.jsonObject(g -> ProbeReport.writeJson(g, report.probes(), worst)));
        } else {
            List<String> lines = ProbeReport.table(report.probes(), quiet, Terminal.width());
            lines.forEach(out::println);
            if (!quiet || worst != ProbeStatus.OK) {
                long problems = report.probes().stream().filter(r -> !r.ok()).count();
                out.println(Messages.t("check.summary", ProbeReport.statusWord(worst), report.probes().size(), problems));
            }
        }
        out.flush();
        return ProbeReport.exitCode(worst);
    }

    /**
     * {@code check --all-hosts}: every engine's probes (collected in parallel, {@link AllHosts}), a section each headed
     * by its name and address; quiet: only the sections and rows with problems. JSON: one object per host with the
     * fields of a single check. Exit: the worst.
     */
    static int allHosts(CliContext cli, boolean json, boolean quiet) {
        PrintWriter out = cli.out;
        List<AllHosts.Section> sections = AllHosts.collect(cli.config(), Clock.SYSTEM);
        ProbeStatus worst = AllHosts.worst(sections);
        if (json) {
            out.println(ProbeReport.jsonObject(g -> {
                g.writeStringField("status", worst.name().toLowerCase(Locale.ROOT));
                g.writeNumberField("exitCode", ProbeReport.exitCode(worst));
                g.writeArrayFieldStart("hosts");
                for (AllHosts.Section s : sections) {
                    g.writeStartObject();
                    AllHosts.writeHostFields(g, s);
                    ProbeReport.writeJson(g, s.report().probes(), s.worst());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }));
            out.flush();
            return ProbeReport.exitCode(worst);
        }
        boolean first = true;
        for (AllHosts.Section s : sections) {
            if (quiet && s.worst() == ProbeStatus.OK) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(AllHosts.heading(s));
            String notHere = s.notHere(sections.get(0).spec().name());
            if (notHere != null && !quiet) {
                out.println(notHere);
            }
            ProbeReport.table(s.report().probes(), quiet, Terminal.width()).forEach(out::println);
            long problems = s.report().probes().stream().filter(r -> !r.ok()).count();
            out.println(Messages.t("check.summary", ProbeReport.statusWord(s.worst()), s.report().probes().size(), problems));
        }
        if (!quiet || worst != ProbeStatus.OK) {
            out.println();
            out.println(AllHosts.summary(sections));
        }
        out.flush();
        return ProbeReport.exitCode(worst);
    }
}
