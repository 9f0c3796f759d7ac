package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.i18n.LanguageResolver;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The guided deploy (D) and rollback (B) on the virtual terminal: the tag picker, the checklist gate, the plan
 * waiting for y, Esc before the run, the live step list, the result, the release picker, 80x24 in both languages.
 */
class GuidedDeployScreenTest {
    static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    static void type(ScreenHarness h, String text) throws Exception {
        for (char c : text.toCharArray()) {
            h.app.apply(key(c));
        }
    }

    /** Applies what the workers post until the dialog reaches the stage (bounded; no timing assertion). */
    static void awaitStage(ScreenHarness h, GuidedState.Stage stage) throws Exception {
        for (int i = 0; i < 1000; i++) {
            GuidedState g = h.app.state().guided;
            if (g != null && g.stage == stage) {
                h.app.drainForTest();
                return;
            }
            Thread.sleep(5);
            h.app.drainForTest();
        }
        GuidedState g = h.app.state().guided;
        throw new AssertionError("stage " + stage + " not reached: " + (g == null ? "no dialog" : g.stage) + "\n" + h.text());
    }

    static ScreenHarness harness(FakeWorkflows w, int cols, int rows, Locale locale) throws Exception {
        ScreenHarness h = new ScreenHarness(cols, rows, locale, false);
        h.app.controller().useWorkflows(w);
        h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
        h.app.apply(key(KeyType.ArrowDown), key(KeyType.ArrowDown)); // edm-backend-prod
        return h;
    }

    @Test
    void theTagPickerListsLocalTagsNewestFirstWithTheirMarksAndTypingFilters() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            String s = h.text();
            assertTrue(s.contains("Deploy to edm-backend-prod"), s);
            assertTrue(s.contains("Local tags of edm-backend, newest image first"), s);
            int broken = h.rowContaining("v1.2-broken");
            int running = h.rowContaining("v1.1 ");
            int previous = h.rowContaining("v1.0 ");
            assertTrue(broken > 0 && broken < running && running < previous, s);
            assertTrue(h.lines().get(broken).contains("failed last time"), s);
            assertTrue(h.lines().get(running).contains("running now"), s);
            assertTrue(h.lines().get(previous).contains("previous good"), s);
            assertTrue(h.lines().get(broken).contains("▶"), "the newest tag that does not run now is highlighted:\n" + s);
            assertTrue(s.contains("cccccccccccc"), "the image id, short:\n" + s);

            h.app.apply(key(KeyType.ArrowDown), key(KeyType.ArrowDown));
            assertTrue(h.lines().get(h.rowContaining("v1.0 ")).contains("▶"), h.text());
            type(h, "v1.1");
            assertEquals(-1, h.rowContaining("v1.2-broken"), "typing filters the list:\n" + h.text());
            assertFalse(h.app.state().quit);
            h.app.apply(key(KeyType.Backspace), key(KeyType.Backspace), key(KeyType.Backspace), key(KeyType.Backspace));
            type(h, "v9.9");
            assertTrue(h.text().contains("No local tag matches: Enter plans the typed tag."), h.text());
            h.app.apply(key(KeyType.Enter));
            w.awaitCall("plan deploy");
            assertEquals(List.of("tags edm-backend-prod", "gate edm-backend-prod", "plan deploy edm-backend-prod v9.9"), w.calls,
                    "a typed tag that is not listed still plans");
        }
    }

    @Test
    void thePlanShowsImagesPathAndStepsAndRunsOnlyAfterY() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        w.path = "blue-green";
        w.steps = List.of("backup", "create", "start-new", "health", "switch", "drain", "verify", "cleanup");
        w.finish.countDown();
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.ArrowDown), key(KeyType.ArrowDown), key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            String s = h.text();
            assertTrue(s.contains("Plan: deploy of backend (container edm-backend-prod)"), s);
            assertTrue(s.contains("image: edm-backend:v1.1 (bbbbbbbbbbbb) -> edm-backend:v1.0 (aaaaaaaaaaaa)"), s);
            assertTrue(s.contains("path: blue-green (the new container starts beside the old one"), s);
            assertTrue(s.contains(" 1. database backup") && s.contains(" 4. health gate"), s);
            assertTrue(s.contains(" 5. switch"), "a step the UI has no words for yet still shows, by name:\n" + s);
            assertTrue(s.contains("y runs this deploy, Esc cancels"), s);
            assertFalse(w.calls.stream().anyMatch(c -> c.startsWith("run")), "nothing runs before y: " + w.calls);

            h.app.apply(key('q'));
            assertFalse(h.app.state().quit, "q does not quit while the plan waits");
            h.app.apply(key('y'));
            awaitStage(h, GuidedState.Stage.DONE);
            assertTrue(w.calls.contains("run deploy edm-backend:v1.0"), w.calls.toString());
            assertTrue(h.text().contains("deploy of backend v1.0 done; the service is healthy."), h.text());
            assertTrue(h.text().contains("Next: Verify: the Health panel (4)."), h.text());
            h.app.apply(key(KeyType.Escape));
            assertNull(h.app.state().guided);
        }
    }

    @Test
    void escCancelsAtEveryStageBeforeTheRunAndGivesThePlansLockBack() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Escape));
            assertNull(h.app.state().guided, "Esc in the picker");

            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            h.app.apply(key(KeyType.Escape));
            assertNull(h.app.state().guided, "Esc at the plan");
            w.awaitCall("abandon");
            assertTrue(w.calls.contains("abandon deploy"), "the plan's lock is released: " + w.calls);

            h.app.apply(key('B'));
            awaitStage(h, GuidedState.Stage.PICK_RELEASE);
            h.app.apply(key(KeyType.Escape));
            assertNull(h.app.state().guided, "Esc in the release picker");
            assertFalse(w.calls.stream().anyMatch(c -> c.startsWith("run")), w.calls.toString());
            assertTrue(h.text().contains("Containers"), "back to the dashboard:\n" + h.text());
        }
    }

    @Test
    void whenTheChecklistHoldsTheDeployBackDOffersTheWalkAndReturnsToTheDeploy() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        w.checklistRefusal = "No walk of the pre-deploy checklist with every required item satisfied in the last hour.";
        ChecklistControl lists = new ChecklistControl() {
            private final List<edm.console.checklist.Checklist> all =
                    List.copyOf(edm.console.checklist.ChecklistLoader.load(null).checklists().values());

            @Override
            public List<edm.console.checklist.Checklist> checklists() {
                return all;
            }

            @Override
            public edm.console.checklist.ChecklistRun start(edm.console.checklist.Checklist c) {
                return new edm.console.checklist.ChecklistRun(c, new edm.console.checklist.AutomaticChecks(List::of, null, null,
                        new edm.console.config.ConsoleConfig(), () -> ScreenHarness.NOW), new edm.console.checklist.Operator("ops", "local"),
                        () -> ScreenHarness.NOW);
            }

            @Override
            public java.nio.file.Path save(edm.console.checklist.ChecklistRun run) {
                return java.nio.file.Path.of("/tmp/report.md");
            }
        };
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.useChecklists(lists);
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.GATE);
            String s = h.text();
            assertTrue(s.contains("The pre-deploy checklist (部署前检查清单) holds this deploy back"), s);
            assertTrue(s.contains("y: walk the checklist now"), s);
            assertFalse(w.calls.stream().anyMatch(c -> c.startsWith("plan")), "no plan (no lock) while the gate refuses");

            h.app.apply(key('y'));
            assertEquals(UiState.View.CHECKLIST, h.app.state().view);
            assertTrue(h.text().contains("代码已通过测试"), "the pre-deploy walk is open:\n" + h.text());
            w.checklistRefusal = null; // the walk was satisfied meanwhile
            for (int i = 0; i < 8; i++) {
                h.app.apply(key('y')); // every item and a few more: none of them may reach the deploy's y
                Thread.sleep(20);
                h.app.drainForTest();
            }
            assertEquals(UiState.View.CHECKLIST, h.app.state().view, "the walk stays until the operator leaves it");
            assertFalse(w.calls.stream().anyMatch(c -> c.startsWith("plan")), w.calls.toString());
            h.app.apply(key(KeyType.Escape));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            assertFalse(w.calls.stream().anyMatch(c -> c.startsWith("run")), "the plan waits for its own y: " + w.calls);
            assertEquals(UiState.View.DASHBOARD, h.app.state().view);
            assertTrue(h.text().contains("Plan: deploy of backend"), "back to the deploy, at its plan:\n" + h.text());
            assertTrue(w.calls.contains("plan deploy edm-backend-prod v1.2-broken"), w.calls.toString());
        }
    }

    @Test
    void theStepListShowsTheCurrentStepGateAttemptsAndTheNewContainersLogThenTheResult() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        w.script = FakeWorkflows::upToTheHealthGate;
        w.result = new RunResult(RunResult.Outcome.ROLLED_BACK,
                "backend: the step 'health' failed: timeout. Rolled back to edm-backend:v1.1: the previous version runs and is healthy.",
                "The previous version runs again. See the log lines of the new container above.");
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            h.app.apply(key('y'));
            assertTrue(w.running.await(10, java.util.concurrent.TimeUnit.SECONDS));
            h.drainPosted();
            String s = h.text();
            assertTrue(s.contains("✓ database backup  1.2 s"), s);
            assertTrue(s.contains("✓ start the new container  1.2 s"), s);
            assertTrue(s.contains("▶ health gate  0.0 s  health check 3: http://127.0.0.1:8002/api/health: 503"), s);
            assertTrue(s.contains("· verify"), "steps still to come:\n" + s);
            assertTrue(s.contains("Log of the new container"), s);
            assertTrue(s.contains("backend listening on :8002"), s);
            assertTrue(s.contains("GET /api/health 503"), s);
            assertFalse(s.contains("\u001b") || s.contains("owned\u0007"), "escape sequences never reach the screen:\n" + s);
            assertEquals(List.of("deploy edm-backend-prod v1.2-broken"), h.app.inFlight().running());

            h.app.apply(key(KeyType.Escape));
            assertFalse(h.text().contains("Log of the new container"), "Esc hides the running dialog");
            h.app.apply(key('D'));
            assertTrue(h.text().contains("▶ health gate"), "D shows the running one again:\n" + h.text());
            assertEquals(1, w.calls.stream().filter(c -> c.startsWith("tags")).count(), "no second deploy: " + w.calls);

            w.finish.countDown();
            awaitStage(h, GuidedState.Stage.DONE);
            h.drainPosted();
            s = h.text();
            assertTrue(s.contains("Rolled back to edm-backend:v1.1"), s);
            assertTrue(s.contains("Next: The previous version runs again. See the log lines of the new container above."), s);
        }
    }

    @Test
    void theReleasePickerListsKnownGoodReleasesNewestFirstAndPlansTheChosenRollback() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('B'));
            awaitStage(h, GuidedState.Stage.PICK_RELEASE);
            String s = h.text();
            assertTrue(s.contains("Known-good releases of edm-backend-prod, newest first"), s);
            int current = h.rowContaining("v1.1 ");
            int older = h.rowContaining("v1.0 ");
            int oldest = h.rowContaining("v0.9 ");
            assertTrue(current > 0 && current < older && older < oldest, s);
            assertTrue(h.lines().get(current).contains("running now"), s);
            assertTrue(h.lines().get(older).contains("alice") && h.lines().get(older).contains("2026-11-28")
                    && h.lines().get(older).contains("aaaaaaaaaaaa") && h.lines().get(older).contains("deploy ok"), s);
            assertTrue(h.lines().get(older).contains("▶"), "the newest release that does not run now is highlighted");

            h.app.apply(key(KeyType.ArrowUp), key(KeyType.Enter));
            assertTrue(h.text().contains("v1.1 is what runs now"), h.text());
            h.app.apply(key('j'), key('j'), key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            assertTrue(w.calls.contains("plan rollback edm-backend-prod deploy-backend-1"), w.calls.toString());
            s = h.text();
            assertTrue(s.contains("Plan: rollback of backend"), s);
            assertTrue(s.contains("using the kept previous container edm-backend-prod-old-1 (instant)"), s);
            assertTrue(s.contains("y runs this rollback"), s);
        }
    }

    @Test
    void refusalsStayOnScreenUntilClosed() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        w.planRefusal = "Pre-flight: the image edm-backend:v9 does not exist on this engine.";
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.REFUSED);
            assertTrue(h.text().contains("the image edm-backend:v9 does not exist"), h.text());
            assertTrue(h.text().contains("Nothing was changed."), h.text());
            h.app.apply(key(KeyType.Enter));
            assertNull(h.app.state().guided);
        }
    }

    @Test
    void at80x24InBothLanguagesThePlanAndTheStepListStayReadable() throws Exception {
        for (Locale l : new Locale[] {Locale.ENGLISH, LanguageResolver.SIMPLIFIED_CHINESE}) {
            FakeWorkflows w = new FakeWorkflows();
            w.script = FakeWorkflows::upToTheHealthGate;
            try (ScreenHarness h = harness(w, 80, 24, l)) {
                boolean zh = l != Locale.ENGLISH;
                h.app.apply(key('D'));
                awaitStage(h, GuidedState.Stage.PICK_TAG);
                assertTrue(h.text().contains(zh ? "上次失败" : "failed last time"), h.text());
                h.app.apply(key(KeyType.Enter));
                awaitStage(h, GuidedState.Stage.CONFIRM);
                String s = h.text();
                assertTrue(s.contains(zh ? "8. 删除更早保留的容器" : "8. remove older kept containers"), "every step fits:\n" + s);
                assertTrue(s.contains(zh ? "按 y 执行此次部署" : "y runs this deploy"), "the question fits:\n" + s);
                assertTrue(h.lines().get(22).contains(zh ? "执行计划" : "run the plan"), "the hint row shows y:\n" + s);
                h.app.apply(key('y'));
                assertTrue(w.running.await(10, java.util.concurrent.TimeUnit.SECONDS));
                h.drainPosted();
                s = h.text();
                assertTrue(s.contains(zh ? "▶ 健康检查关卡" : "▶ health gate"), s);
                assertTrue(s.contains(zh ? "健康检查第 3 次" : "health check 3"), s);
                assertTrue(s.contains("backend listening on :8002"), "the log tail gets the rows left:\n" + s);
                w.result = new RunResult(RunResult.Outcome.ROLLED_BACK, zh ? "backend：步骤“health”失败：超时。已回滚到 edm-backend:v1.1。"
                        : "backend: the step 'health' failed: timeout. Rolled back to edm-backend:v1.1.",
                        zh ? "上一个版本已恢复运行。请查看上方新容器的日志。" : "The previous version runs again. See the log lines above.");
                w.finish.countDown();
                awaitStage(h, GuidedState.Stage.DONE);
                s = h.text();
                assertTrue(s.contains(zh ? "已回滚到 edm-backend:v1.1" : "Rolled back to edm-backend:v1.1"), s);
                assertTrue(s.contains(zh ? "已完成 5 个步骤" : "5 steps done"), "the steps that went well take one line:\n" + s);
                assertTrue(s.contains("backend listening on :8002"), "the log the next step points at is on screen:\n" + s);
            }
        }
    }

    @Test
    void theHelpScreenListsTheDialogsKeysFromTheTable() throws Exception {
        try (ScreenHarness h = harness(new FakeWorkflows(), 120, 260, Locale.ENGLISH)) {
            h.app.apply(key('?'));
            String s = h.text();
            assertTrue(s.contains("Deploy: choosing a tag"), s);
            assertTrue(s.contains("plan a deploy of this tag"), s);
            assertTrue(s.contains("Deploy / rollback: the plan, waiting for y"), s);
            assertTrue(s.contains("run the plan"), s);
        }
    }

    @Test
    void afterADeployTheSelectionStaysOnTheServiceNotOnTheKeptOldContainer() throws Exception {
        FakeWorkflows w = new FakeWorkflows();
        w.finish.countDown();
        try (ScreenHarness h = harness(w, 120, 40, Locale.ENGLISH)) {
            h.app.apply(key('D'));
            awaitStage(h, GuidedState.Stage.PICK_TAG);
            h.app.apply(key(KeyType.Enter));
            awaitStage(h, GuidedState.Stage.CONFIRM);
            h.app.apply(key('y'));
            awaitStage(h, GuidedState.Stage.DONE);
            h.app.apply(key(KeyType.Escape));
            // The old container (a3) is kept under another name; a new one (n3) carries the service's name.
            List<edm.console.core.ContainerInfo> after = new java.util.ArrayList<>(ScreenHarness.edmStack());
            after.set(2, ScreenHarness.container("a3", "edm-backend-prod-old-20261129-100000", "edm-backend:v1.1",
                    edm.console.core.ContainerStatus.EXITED, edm.console.core.HealthStatus.NONE));
            after.add(ScreenHarness.container("n3", "edm-backend-prod", "edm-backend:v1.2-broken",
                    edm.console.core.ContainerStatus.RUNNING, edm.console.core.HealthStatus.HEALTHY));
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(after)));
            assertEquals("n3", h.app.state().selectedId, "D again deploys the service, not its kept old container");
            h.app.apply(key(KeyType.ArrowDown));
            assertNull(h.app.state().followName, "moving the selection ends the following");
        }
    }
}
