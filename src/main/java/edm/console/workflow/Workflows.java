package edm.console.workflow;

import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupOutcome;
import edm.console.backup.BackupProgress;
import edm.console.backup.BackupService;
import edm.console.backup.Cancellation;
import edm.console.backup.VerificationText;
import edm.console.compose.ComposeSync;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.docker.ContainerGateway;
import edm.console.health.HealthChecker;
import edm.console.health.HttpProbe;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Wires the workflows to a configuration and the engine: the one place CLI and TUI get them from. */
public final class Workflows {
    /** Test hook: a step name after which a workflow stops dead, so that a test can kill the process there. */
    public static final String PAUSE_ENV = "EDM_WORKFLOW_PAUSE_AFTER";
    /** The service whose container is the proxy of blue-green deploys. */
    static final String NGINX = "nginx";

    private Workflows() {
    }

    public static WorkflowContext context(ConsoleConfig config, ContainerGateway gateway, Map<String, String> env,
                                          List<PreflightCheck> preflight) {
        ConsoleConfig.DeploySettings d = config.deploy;
        HttpProbe http = new HttpProbe(Duration.ofSeconds(3), Double.MAX_VALUE, Clock.SYSTEM);
        WorkflowContext.UrlCheck urls = url -> {
            ProbeResult r = http.check("deploy", url);
            return r.status() == ProbeStatus.OK || r.status() == ProbeStatus.WARNING ? Optional.empty()
                    : Optional.of(r.error().isBlank() ? r.value() : r.error());
        };
        WorkflowContext.Verifier verifier = () -> {
            List<String> failures = new ArrayList<>();
            for (ProbeResult r : new HealthChecker(config, Clock.SYSTEM).runNetworkProbes()) {
                if (r.status() == ProbeStatus.CRITICAL) {
                    failures.add(r.target() + ": " + r.error());
                }
            }
            return failures;
        };
        WorkflowContext.BackupStep backup = progress -> deployBackup(config, gateway, progress);
        return new WorkflowContext(new GatewayEngine(gateway), config.projectPath(), config.resolve(d.stateDir), Operator.current(env),
                Duration.ofSeconds(d.healthTimeoutSeconds), StopGrace.of(config), d.minFreeMegabytes * 1024L * 1024L, d.keepPrevious,
                urls, verifier, backup, List.copyOf(preflight), env.get(PAUSE_ENV), proxy(config, gateway), d.drainSeconds,
                WorkflowContext.ReleaseListener.NONE, ComposeSync.of(config));
    }

    /**
     * The nginx switch for blue-green deploys: the include files in the project dir's nginx/upstreams, the
     * commands in the container of the service named nginx. Null when the stack has no nginx service.
     */
    static ProxySwitch proxy(ConsoleConfig config, ContainerGateway gateway) {
        return config.service(NGINX).map(n -> (ProxySwitch) new NginxSwitch(gateway, config.projectPath().resolve("nginx").resolve("upstreams"),
                config.containerName(n))).orElse(null);
    }

    /**
     * The deploy's backup step: a database backup verified right after it is written, its steps on the
     * workflow's output. A backup that fails verification stops the deploy (nothing to roll back to);
     * one that cannot be verified here (no private key) goes ahead, saying so.
     */
    static String deployBackup(ConsoleConfig config, ContainerGateway gateway, Consumer<String> progress) {
        BackupProgress steps = new BackupProgress() {
            @Override
            public void update(String step, long bytes, Duration elapsed) {
            }

            @Override
            public void step(Step step) {
                progress.accept(WorkflowText.t("workflow.backup.step", Messages.t("backup.step." + step.name())));
            }
        };
        BackupOutcome o = new BackupService(BackupEnvironment.from(config, () -> gateway, Clock.SYSTEM))
                .backup(BackupKind.DATABASE, steps, Cancellation.none());
        String id = o.record().id();
        if (o.failedVerification()) {
            throw new WorkflowException(WorkflowText.t("workflow.backup.verifyFailed", id, o.verification().reason()));
        }
        progress.accept(o.verified() ? WorkflowText.t("workflow.backup.verified", id,
                VerificationText.checked(o.verification(), Messages.current(), Format.current()))
                : WorkflowText.t("workflow.backup.notVerified", id, o.notVerified()));
        return id;
    }

    public static DeployWorkflow.Target target(ConsoleConfig config, String service) {
        ConsoleConfig.ServiceConfig s = config.service(service)
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.noService", service,
                        String.join(", ", config.services.stream().map(x -> x.name).toList()))));
        return new DeployWorkflow.Target(s.name, config.containerName(s), s.imageRepository(config.project), s.healthUrl,
                s.buildContext == null || s.buildContext.isBlank() ? null : config.resolve(s.buildContext),
                s.upstreamManaged() && !NGINX.equals(s.name) ? s.port : 0, Boolean.TRUE.equals(s.upstream));
    }

    /** All services in the configured (dependency) order. */
    public static List<DeployWorkflow.Target> stack(ConsoleConfig config) {
        return config.services.stream().map(s -> target(config, s.name)).toList();
    }
}
