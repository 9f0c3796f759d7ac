package edm.console.core;

import java.time.Instant;
import java.util.List;

/**
 * Everything the detail view shows about one container (from inspect). env is already masked:
 * raw secret values never leave the docker adapter. privileged is HostConfig.Privileged (the security rules).
 */
public record ContainerDetail(
        ContainerInfo summary,
        String imageId,
        String command,
        String restartPolicy,
        List<NetworkAttachment> networks,
        List<String> mounts,
        List<String> maskedEnv,
        int healthFailingStreak,
        List<HealthCheckResult> healthLog,
        int pid,
        boolean oomKilled,
        int exitCode,
        Instant finishedAt,
        boolean privileged) {

    public ContainerDetail {
        networks = List.copyOf(networks);
        mounts = List.copyOf(mounts);
        maskedEnv = List.copyOf(maskedEnv);
        healthLog = List.copyOf(healthLog);
    }

    /** A detail whose inspect data said nothing about privilege (tests, older callers): not privileged. */
    public ContainerDetail(ContainerInfo summary, String imageId, String command, String restartPolicy, List<NetworkAttachment> networks,
                           List<String> mounts, List<String> maskedEnv, int healthFailingStreak, List<HealthCheckResult> healthLog,
                           int pid, boolean oomKilled, int exitCode, Instant finishedAt) {
        this(summary, imageId, command, restartPolicy, networks, mounts, maskedEnv, healthFailingStreak, healthLog, pid, oomKilled,
                exitCode, finishedAt, false);
    }

    public ContainerDetail withSummary(ContainerInfo newSummary) {
        return new ContainerDetail(newSummary, imageId, command, restartPolicy, networks, mounts, maskedEnv, healthFailingStreak,
                healthLog, pid, oomKilled, exitCode, finishedAt, privileged);
    }

    public record NetworkAttachment(String network, String ipAddress, List<String> aliases) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
        }
    }

    public record HealthCheckResult(Instant start, Instant end, int exitCode, String output) {
    }
}
