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
 * @param proxy      the nginx switch of blue-green deploys; null: every deploy stops and replaces
 * @param drainSeconds deploy.drainSeconds: the longest wait after a switch for requests still on the old container
 * @param released   called after every deploy or rollback that ended ok (compose write-back of the tag); never null
 */
public record WorkflowContext(WorkflowEngine engine, Path projectDir, Path stateDir, Operator operator, Duration healthTimeout,
                              StopGrace stopGrace, long minFreeBytes, int keepPrevious, UrlCheck urlCheck, Verifier verifier,
                              BackupStep backup, List<PreflightCheck> preflight, String pauseAfter, ProxySwitch proxy,
                              int drainSeconds, ReleaseListener released, ComposeSync compose) {
    /** Without a proxy (every deploy stops and replaces) and without a compose file to keep true. */
    public WorkflowContext(WorkflowEngine engine, Path projectDir, Path stateDir, Operator operator, Duration healthTimeout,
                           StopGrace stopGrace, long minFreeBytes, int keepPrevious, UrlCheck urlCheck, Verifier verifier,
                           BackupStep backup, List<PreflightCheck> preflight, String pauseAfter) {
        this(engine, projectDir, stateDir, operator, healthTimeout, stopGrace, minFreeBytes, keepPrevious, urlCheck, verifier, backup,
                preflight, pauseAfter, null, 0, ReleaseListener.NONE, ComposeSync.NONE);
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

    /**
     * Told after a deploy or rollback ended ok, with the plan and the recorded release: the place for the
     * compose write-back of the new tag. A failure here does not undo the release; its message is shown.
     */
    @FunctionalInterface
    public interface ReleaseListener {
        ReleaseListener NONE = (plan, release) -> { };

        void released(DeployPlan plan, Release release);
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
                urlCheck, verifier, backup, checks, pauseAfter, proxy, drainSeconds, released, compose);
    }

    /** The same with blue-green deploys through {@code proxy} for the services whose upstream it manages. */
    public WorkflowContext withProxy(ProxySwitch proxy, int drainSeconds) {
        return new WorkflowContext(engine, projectDir, stateDir, operator, healthTimeout, stopGrace, minFreeBytes, keepPrevious,
                urlCheck, verifier, backup, preflight, pauseAfter, proxy, drainSeconds, released, compose);
    }

    /** The same with {@code listener} told of every release that ended ok. */
    public WorkflowContext withReleaseListener(ReleaseListener listener) {
        return new WorkflowContext(engine, projectDir, stateDir, operator, healthTimeout, stopGrace, minFreeBytes, keepPrevious,
                urlCheck, verifier, backup, preflight, pauseAfter, proxy, drainSeconds, listener == null ? ReleaseListener.NONE : listener, compose);
    }
}
