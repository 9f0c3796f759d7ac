package edm.console.ui;

import edm.console.ui.guided.PlanView;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoice;
import edm.console.ui.guided.TagChoices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A scripted WorkflowControl for the guided dialog's screen tests: records every call, runs what the test scripts. */
final class FakeWorkflows implements WorkflowControl {
    static final Instant T = ScreenHarness.NOW;

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String checklistRefusal;
    volatile String planRefusal;
    volatile List<TagChoice> tags = List.of(
            new TagChoice("v1.2-broken", "sha256:cccccccccccc1111", T.minusSeconds(600), false, false, true),
            new TagChoice("v1.1", "sha256:bbbbbbbbbbbb2222", T.minusSeconds(86_400), true, false, false),
            new TagChoice("v1.0", "sha256:aaaaaaaaaaaa3333", T.minusSeconds(2 * 86_400), false, true, false));
    volatile List<ReleaseChoice> releases = List.of(
            new ReleaseChoice("deploy-backend-3", "deploy", "v1.1", "sha256:bbbbbbbbbbbb2222", T.minusSeconds(3600), "ops", "ok", true),
            new ReleaseChoice("deploy-backend-2", "deploy", "v1.0", "sha256:aaaaaaaaaaaa3333", T.minusSeconds(86_400), "alice", "ok", false),
            new ReleaseChoice("deploy-backend-1", "deploy", "v0.9", "sha256:999999999999aaaa", T.minusSeconds(5 * 86_400), "bob", "ok", false));
    volatile String path = "replace";
    volatile List<String> steps = List.of("backup", "create", "stop-old", "swap", "start-new", "health", "verify", "cleanup");
    /** What the run does with its listener before it waits for {@link #finish}. */
    volatile Consumer<RunListener> script = l -> { };
    volatile RunResult result = new RunResult(RunResult.Outcome.OK, "deploy of backend v1.0 done; the service is healthy.",
            "Verify: the Health panel (4).");
    final CountDownLatch finish = new CountDownLatch(1);
    final CountDownLatch running = new CountDownLatch(1);

    @Override
    public TagChoices tags(String containerName) {
        calls.add("tags " + containerName);
        return new TagChoices("backend", "edm-backend", tags, "");
    }

    @Override
    public Optional<String> checklistRefusal(String containerName) {
        calls.add("gate " + containerName);
        return Optional.ofNullable(checklistRefusal);
    }

    @Override
    public PlannedChange planDeploy(String containerName, String tag) {
        calls.add("plan deploy " + containerName + " " + tag);
        if (planRefusal != null) {
            throw new IllegalStateException(planRefusal);
        }
        return change(new PlanView("deploy", "backend", containerName, "edm-backend:v1.1", "sha256:bbbbbbbbbbbb2222",
                "edm-backend:" + tag, "sha256:aaaaaaaaaaaa3333", path, List.of(), steps));
    }

    @Override
    public List<ReleaseChoice> releases(String containerName) {
        calls.add("releases " + containerName);
        return releases;
    }

    @Override
    public PlannedChange planRollback(String containerName, String releaseId) {
        calls.add("plan rollback " + containerName + " " + releaseId);
        return change(new PlanView("rollback", "backend", containerName, "edm-backend:v1.1", "sha256:bbbbbbbbbbbb2222",
                "edm-backend:v1.0", "sha256:aaaaaaaaaaaa3333", path, List.of("using the kept previous container edm-backend-prod-old-1 (instant)"),
                List.of("stop-old", "swap", "start-new", "health", "verify", "cleanup")));
    }

    private PlannedChange change(PlanView view) {
        return new PlannedChange() {
            @Override
            public PlanView plan() {
                return view;
            }

            @Override
            public RunResult run(RunListener listener) {
                calls.add("run " + view.kind() + " " + view.newImage());
                script.accept(listener);
                running.countDown();
                try {
                    finish.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }

            @Override
            public void abandon() {
                calls.add("abandon " + view.kind());
            }
        };
    }

    /** A few steps through to the health gate, its attempts and some log lines (one hostile). */
    static void upToTheHealthGate(RunListener l) {
        for (String s : List.of("backup", "create", "stop-old", "swap", "start-new")) {
            l.step(s, RunListener.Phase.BEGIN, Duration.ZERO, "");
            l.step(s, RunListener.Phase.END, Duration.ofMillis(1200), "");
        }
        l.step("health", RunListener.Phase.BEGIN, Duration.ZERO, "");
        l.attempt(1, "edm-backend-prod: health starting");
        l.attempt(2, "edm-backend-prod: health starting");
        l.attempt(3, "http://127.0.0.1:8002/api/health: 503");
        l.log("backend listening on :8002");
        l.log("GET /api/health 503 \u001b[31mred\u001b[0m \u001b]0;owned\u0007title");
    }

    void awaitCall(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (calls.stream().noneMatch(c -> c.startsWith(prefix)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
