package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The steps of a blue-green deploy that the stop-and-replace path does not have: the switch of the
 * service's upstream in nginx, the drain, the retirement of the old container, and the way back.
 *
 * <p>Journal: the switch writes {@code upstream.previous} (the file as it was before the first switch of
 * this run), {@code upstream.next} and {@code upstream.target} (the container id it points at) before it
 * touches the file, and {@code upstream.reload=begin} before the reload: a recovery knows whether nginx may
 * be serving the new container. Every step looks at the file and the containers first, so running it again
 * after a crash is harmless.
 */
final class BlueGreenSteps {
    static final String PREVIOUS = "upstream.previous";
    static final String NEXT = "upstream.next";
    static final String TARGET = "upstream.target";
    static final String RELOAD = "upstream.reload";
    private static final long DRAIN_POLL_MILLIS = 200;

    private final WorkflowContext ctx;
    private final DeployPlan plan;
    private final Journal journal;
    private final Map<String, String> data;
    private final WorkflowProgress progress;
    private final BooleanSupplier cancelled;
    private final HealthGate gate;
    private final ProxySwitch proxy;
    private Set<Long> workersBefore = Set.of();
    /** The drain found that nginx never loaded the switch: it still serves the configuration before it. */
    private boolean switchNeverLoaded;

    BlueGreenSteps(WorkflowContext ctx, DeployPlan plan, Journal journal, Map<String, String> data, WorkflowProgress progress,
                   BooleanSupplier cancelled) {
        this.ctx = ctx;
        this.plan = plan;
        this.journal = journal;
        this.data = data;
        this.progress = progress;
        this.cancelled = cancelled;
        this.proxy = ctx.proxy();
        // The health URL is asked from inside nginx's container: the path the operator's URL names, on the
        // container's own address, so the check sees the new container and nothing else.
        this.gate = new HealthGate(ctx.engine(), proxy::probe, ctx.healthTimeout());
    }

    /** The health gate of a container, its health URL reached from nginx through the stack network. */
    void await(String id) {
        gate.await(id, Upstreams.internalUrl(plan.healthUrl(), Upstreams.address(id), plan.upstreamPort()), progress);
    }

    /**
     * Points the service's upstream at {@code id}: write atomically, nginx -t (a failing test puts the
     * previous file back and fails the step: nothing was switched), then nginx -s reload. {@code switching}
     * is told just before the reload: from then on a failure must switch back.
     */
    void switchTo(String id, Runnable switching) {
        String now = proxy.read(plan.service()).orElseThrow(this::noUpstream);
        String next = pointed(now, id);
        Map<String, String> learned = new LinkedHashMap<>();
        if (!data.containsKey(PREVIOUS)) {
            learned.put(PREVIOUS, now);
        }
        learned.put(NEXT, next);
        learned.put(TARGET, id);
        record("switch", "prepare", learned);
        if (!next.equals(now)) {
            proxy.write(plan.service(), next);
        }
        List<String> problems = proxy.test();
        if (!problems.isEmpty()) {
            proxy.write(plan.service(), now);
            record("switch", "restored", Map.of(NEXT, now));
            throw new WorkflowException(WorkflowText.t("workflow.switch.testFailed", proxy.file(plan.service()), String.join("; ", problems)),
                    problems);
        }
        workersBefore = proxy.workers();
        switching.run();
        record("switch", "reload", Map.of(RELOAD, "begin"));
        proxy.reload();
        progress.output(WorkflowText.t("workflow.switch.done", plan.service(), Upstreams.address(id)));
    }

    /**
     * Waits until nginx's workers of the configuration before the switch have exited (each finishes its
     * requests, on the old container, first), at most deploy.drainSeconds. When the workers cannot be seen
     * the full drain time is waited.
     */
    void drain() {
        awaitOldWorkers(true);
    }

    /** The drain; {@code cancellable} false on the way back, which a cancel must not stop halfway. */
    private void awaitOldWorkers(boolean cancellable) {
        long deadline = System.nanoTime() + Duration.ofSeconds(plan.drainSeconds()).toNanos();
        Set<Long> old = workersBefore;
        boolean visible = !old.isEmpty();
        Set<Long> now = Set.of();
        while (System.nanoTime() < deadline) {
            if (visible) {
                now = proxy.workers();
                if (old.stream().noneMatch(now::contains)) {
                    return;
                }
            }
            if (cancellable && cancelled.getAsBoolean()) {
                throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
            }
            sleep(DRAIN_POLL_MILLIS);
        }
        if (visible && old.containsAll(now)) {
            // No worker of a new configuration: the reload did not take (nginx keeps the old one when it
            // cannot load the new, e.g. a name that stopped resolving). Stopping the old container now
            // would cut the traffic; the failure switches back instead.
            switchNeverLoaded = cancellable;
            throw new WorkflowException(WorkflowText.t("workflow.drain.notReloaded", plan.drainSeconds()));
        }
        if (visible) {
            progress.output(WorkflowText.t("workflow.drain.timeout", plan.drainSeconds()));
        }
    }

    /** Stops the old container and keeps it as NAME-old-STAMP; the new one takes the service's name. */
    void retire(String newId) {
        Optional<DeployOps.State> old = ctx.engine().state(plan.oldId());
        if (old.isPresent()) {
            if (old.get().running()) {
                ctx.engine().stop(old.get().id(), ctx.stopSeconds(plan.service()));
            }
            if (old.get().name().equals(plan.container())) {
                ctx.engine().rename(old.get().id(), plan.keptName());
            }
        }
        if (!ctx.engine().state(newId).map(s -> s.name().equals(plan.container())).orElse(false)) {
            ctx.engine().rename(newId, plan.container());
        }
    }

    /**
     * Before the switch (nothing reloaded): the new container goes (a kept one is stopped again under its kept
     * name) and the upstream file is what it was, so the old container serves as before.
     */
    void undoBeforeSwitch(String newId) {
        String previous = data.get(PREVIOUS);
        if (previous != null && !proxy.read(plan.service()).map(previous::equals).orElse(false)) {
            proxy.write(plan.service(), previous);
        }
        if (newId == null) {
            return;
        }
        if (plan.reuseId() != null) {
            ctx.engine().state(newId).filter(DeployOps.State::running).ifPresent(s -> ctx.engine().stop(s.id(), ctx.stopSeconds(plan.service())));
        } else {
            ctx.engine().remove(newId);
        }
    }

    /**
     * After the switch: the old container back under the service's name, running and healthy, nginx pointed at
     * it again, then the new one goes. In that order, so that nginx always points at a container that runs.
     */
    void switchBack(String newId) {
        Optional<DeployOps.State> fresh = newId == null ? Optional.empty() : ctx.engine().state(newId);
        DeployOps.State old = ctx.engine().state(plan.oldId())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.deploy.oldGone", plan.oldId())));
        if (fresh.isPresent() && fresh.get().name().equals(plan.container())) {
            ctx.engine().rename(fresh.get().id(), plan.reuseId() != null ? plan.reuseName() : plan.tempName());
        }
        if (!old.name().equals(plan.container())) {
            ctx.engine().rename(old.id(), plan.container());
        }
        if (!old.running()) {
            ctx.engine().start(old.id());
        }
        await(old.id());
        if (restoreUpstream(old.id()) && !switchNeverLoaded) {
            // The workers of the configuration being undone still hold requests to the new container, and
            // take new ones until the reloaded workers start: it goes only when they have exited. (When the
            // switch itself never loaded, every worker's configuration points at the old container already.)
            awaitOldWorkers(false);
        }
        if (fresh.isPresent()) {
            if (plan.reuseId() != null) {
                ctx.engine().stop(fresh.get().id(), ctx.stopSeconds(plan.service()));
            } else {
                ctx.engine().remove(fresh.get().id());
            }
        }
    }

    /**
     * The upstream back on the old container. When nginx may have loaded the new file it is the previous file
     * pointed at the old container's address (the previous file may name a shared alias that, until the new
     * container is gone, resolves to both), tested and reloaded; when it cannot have, the previous file as it was.
     * True when nginx was reloaded.
     */
    private boolean restoreUpstream(String oldId) {
        String previous = data.get(PREVIOUS);
        Optional<String> now = proxy.read(plan.service());
        if (previous == null) {
            previous = now.orElseThrow(this::noUpstream);
        }
        if (!"begin".equals(data.get(RELOAD))) {
            if (!now.map(previous::equals).orElse(false)) {
                proxy.write(plan.service(), previous);
            }
            return false;
        }
        String back = pointed(previous, oldId);
        record("switch-back", "prepare", Map.of(NEXT, back, TARGET, oldId));
        if (!now.map(back::equals).orElse(false)) {
            proxy.write(plan.service(), back);
        }
        List<String> problems = proxy.test();
        if (!problems.isEmpty()) {
            throw new WorkflowException(WorkflowText.t("workflow.switch.testFailed", proxy.file(plan.service()), String.join("; ", problems)),
                    problems);
        }
        workersBefore = proxy.workers();
        proxy.reload();
        record("switch-back", "reloaded", Map.of(RELOAD, "back"));
        progress.output(WorkflowText.t("workflow.switch.back", plan.service(), Upstreams.address(oldId)));
        return true;
    }

    private String pointed(String content, String id) {
        if (Upstreams.host(content).isEmpty()) {
            throw new WorkflowException(WorkflowText.t("workflow.preflight.upstreamNoServer", proxy.file(plan.service())));
        }
        return Upstreams.pointAt(content, Upstreams.address(id));
    }

    private WorkflowException noUpstream() {
        return new WorkflowException(WorkflowText.t("workflow.preflight.noUpstream", proxy.file(plan.service()), plan.service()));
    }

    private void record(String step, String phase, Map<String, String> learned) {
        data.putAll(learned);
        journal.write(step, phase, learned);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
        }
    }
}
