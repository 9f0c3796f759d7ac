package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.schedule.ScheduleInstaller;
import edm.console.schedule.ScheduleInstaller.Action;
import edm.console.schedule.ScheduleInstaller.Change;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An install or remove plan said and carried out: each file with what happens to it (and, in a dry run,
 * the text it would get), then the systemctl calls, each bounded in time.
 */
final class SchedulePlanText {
    private static final long SYSTEMCTL_SECONDS = 30;

    private SchedulePlanText() {
    }

    static int carryOut(ScheduleInstaller.Plan plan, boolean dryRun, PrintWriter out, PrintWriter err) throws IOException {
        for (Change c : plan.changes()) {
            if (c.action() == Action.FOREIGN) {
                err.println(Messages.t("schedule.foreign", c.file()));
                continue;
            }
            String verb = Messages.t((dryRun ? "schedule.would." : "schedule.did.") + c.action().name().toLowerCase(Locale.ROOT));
            out.println(Messages.t("schedule.fileLine", verb, c.file()));
            if (dryRun && c.text() != null && c.action() != Action.UNCHANGED) {
                c.text().lines().forEach(l -> out.println("    " + l));
            }
        }
        if (plan.refused()) {
            err.println(Messages.t("schedule.refused"));
            return CliContext.CONFIG;
        }
        if (dryRun) {
            plan.systemctl().forEach(call -> out.println(Messages.t("schedule.wouldRun", String.join(" ", call))));
            out.println(Messages.t("schedule.dryRunDone"));
            return 0;
        }
        ScheduleInstaller.apply(plan);
        int code = 0;
        for (List<String> call : plan.systemctl()) {
            out.println(Messages.t("schedule.running", String.join(" ", call)));
            String failed = run(call);
            if (failed != null) {
                err.println(Messages.t("schedule.systemctlFailed", String.join(" ", call), failed));
                code = 3;
            }
        }
        out.println(Messages.t(plan.changesSomething() ? "schedule.done" : "schedule.unchanged"));
        out.flush();
        return code;
    }

    /** Runs one systemctl call; null when it succeeded, else its last line of output or why it could not run. */
    private static String run(List<String> call) {
        try {
            Process p = new ProcessBuilder(call).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(SYSTEMCTL_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Messages.t("schedule.systemctlTimeout", SYSTEMCTL_SECONDS);
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 0) {
                return null;
            }
            List<String> lines = output.lines().toList();
            return lines.isEmpty() ? "exit " + p.exitValue() : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
