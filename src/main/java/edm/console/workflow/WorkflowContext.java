package edm.console.workflow;

import edm.console.compose.ComposeSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a workflow needs from outside: the engine, where its state lives, who runs it, the health and
 * verification checks, the database backup, extra pre-flight checks and the settings.
 *
 * @param compose    the compose file the deploys keep true ({@link ComposeSync#NONE} for none)
 * @param pauseAfter test hook: a step name after which the workflow stops dead (simulates a crash); null normally
 */
public record WorkflowContext(WorkflowEngine engine, Path projectDir, Path stateDir, Operator operator, Duration healthTimeout,
                              StopGrace stopGrace, long minFreeBytes, int keepPrevious, UrlCheck urlCheck, Verifier verifier,
                              BackupStep backup, List<PreflightCheck> preflight, String pauseAfter, ComposeSync compose) {
    /** Without a compose file to keep true. */
    public WorkflowContext(WorkflowEngine engine, Path projectDir, Path stateDir, Operator operator, Duration healthTimeout,
                           StopGrace stopGrace, long minFreeBytes, int keepPrevious, UrlCheck urlCheck, Verifier verifier,
                           BackupStep backup, List<PreflightCheck> preflight, String pauseAfter) {
        this(engine, projectDir, stateDir, operator, healthTimeout, stopGrace, minFreeBytes, keepPrevious, urlCheck, verifier, backup,
                preflight, pauseAfter, ComposeSync.NONE);
    }

    /** The same stop grace for every service. */
    public WorkflowContext(WorkflowEngine engine, Path projectDir, Path stateDir, Operator operator, Duration healthTimeout,
                           int stopGraceSeconds, long minFreeBytes, int keepPrevious, UrlCheck urlCheck, Verifier verifier,
                           BackupStep backup, List<PreflightCheck> preflight, String pauseAfter) {
        this(engine, projectDir, stateDir, operator, healthTimeout, StopGrace.uniform(stopGraceSeconds), minFreeBytes, keepPrevious,
                urlCheck, verifier, backup, preflight, pauseAfter);
    }

    /** The grace of docker stop for this service's container (services[].stopSeconds, else the default). */
    public int stopSeconds(String service) {
        return stopGrace.seconds(service);
    }

    /** The grace for services without their own stopSeconds (deploy.stopGraceSeconds). */
    public int stopGraceSeconds() {
        return stopGrace.defaultSeconds();
    }

    /** A health URL's state: empty when it answers well, else the problem. */
    @FunctionalInterface
    public interface UrlCheck {
        Optional<String> problem(String url);
    }

    /** The post-deploy checks (API reachable, frontend loads, database connection): the failures, empty when all pass. */
    @FunctionalInterface
    public interface Verifier {
        List<String> failures();
    }

    /** Takes the database backup before a deploy; returns its id. */
    @FunctionalInterface
    public interface BackupStep {
        String run(Consumer<String> progress);
    }

    /**
     * Refuses a workflow whose project dir does not exist, before the lock (which would otherwise create it
     * along with the state dir under it) and before anything changes: a mistyped projectDir must not run.
     */
    public void requireProjectDir() {
        if (projectDir != null && !Files.isDirectory(projectDir)) {
            throw new WorkflowException(WorkflowText.t("workflow.preflight.noProjectDir", projectDir));
        }
    }

    public Path lockFile() {
        return stateDir.resolve(WorkflowLock.FILE);
    }

    public ReleaseHistory history() {
        return new ReleaseHistory(stateDir);
    }

    public WorkflowContext withPreflight(List<PreflightCheck> checks) {
        return new WorkflowContext(engine, projectDir, stateDir, operator, healthTimeout, stopGrace, minFreeBytes, keepPrevious,
                urlCheck, verifier, backup, checks, pauseAfter, compose);
    }
}
