package edm.console.schedule;

import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schedule in {@code check}: one probe per installed job, a WARNING when it missed a run or its last
 * run failed or was skipped. Jobs not installed say nothing: a console without a schedule is not a fault.
 */
public final class ScheduleProbes {
    private ScheduleProbes() {
    }

    public static List<ProbeResult> evaluate(ConsoleConfig config, Instant now) {
        List<ProbeResult> out = new ArrayList<>();
        Format f = Format.current();
        for (ScheduleStatus.Job j : ScheduleStatus.read(config.schedule, stateDir(config), now, ZoneId.systemDefault())) {
            if (!j.installed()) {
                continue;
            }
            ProbeStatus status = j.warning() ? ProbeStatus.WARNING : ProbeStatus.OK;
            Map<String, Double> metrics = j.last().map(r -> Map.of("lastRunSeconds", (double) r.started().getEpochSecond(),
                    "durationSeconds", r.duration().toMillis() / 1000.0)).orElse(Map.of());
            out.add(new ProbeResult("schedule." + j.job().id(), "schedule", j.job().id(), status,
                    ScheduleText.lastRun(j, f, now), Duration.ZERO, now, ScheduleText.warning(j, f), metrics));
        }
        return out;
    }

    /** Run records and the locks live in the workflows' state dir (deploy.stateDir). */
    public static Path stateDir(ConsoleConfig config) {
        return config.resolve(config.deploy.stateDir);
    }
}
