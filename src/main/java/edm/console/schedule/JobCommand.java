package edm.console.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line a job runs: the launcher, the config it was installed with, {@code schedule run ID};
 * quoted for systemd's ExecStart= (systemd.service(5): "..." quoting, % and $ doubled) and for cron's
 * shell (single quotes; % ends a cron command, so it is escaped).
 */
public record JobCommand(String launcher, String configFile) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:+,@-]+");

    public List<String> words(ScheduledJob job) {
        List<String> w = new ArrayList<>();
        w.add(launcher);
        if (configFile != null) {
            w.add("--config");
            w.add(configFile);
        }
        w.addAll(List.of("schedule", "run", job.id()));
        return w;
    }

    public String forSystemd(ScheduledJob job) {
        StringBuilder b = new StringBuilder();
        for (String word : words(job)) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            String escaped = word.replace("%", "%%").replace("$", "$$");
            b.append(PLAIN.matcher(word).matches() ? escaped
                    : '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return b.toString();
    }

    public String forCron(ScheduledJob job) {
        StringBuilder b = new StringBuilder();
        for (String word : words(job)) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            String quoted = PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
            b.append(quoted.replace("%", "\\%"));
        }
        return b.toString();
    }
}
