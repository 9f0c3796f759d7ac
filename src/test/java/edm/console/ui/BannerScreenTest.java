package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.UnattendedResult;
import edm.console.i18n.LanguageResolver;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The start-up banner: a deploy a kill -9 cut (where it stopped, both containers, U resume / X roll back
 * right there, and D refused with what to press), one another console is still finishing (no keys), and
 * what finished while the terminal was away (result, by whom, when) until O dismisses it.
 */
class BannerScreenTest {
    static final Instant STOPPED = Instant.parse("2026-11-29T09:58:07Z");
    static final UnfinishedWorkflow CUT = new UnfinishedWorkflow("deploy-backend-20261129-095801", "backend", "edm-backend:v1.1",
            "start-new", "begin", STOPPED, "ubuntu@edm-prod, pid 4242", false,
            List.of("old container: edm-backend-prod-old-20261129-095801 (edm-backend:v1.0), stopped, health -",
                    "new container: edm-backend-prod (edm-backend:v1.1), stopped, health -"), true);
    static final UnattendedResult AWAY = new UnattendedResult("deploy", "edm-backend-prod v1.1", true,
            "deploy of backend v1.1 done; the service is healthy.", "ubuntu", "edm-prod", Instant.parse("2026-11-29T09:40:00Z"),
            Instant.parse("2026-11-29T09:40:41Z"), Instant.parse("2026-11-29T09:40:02Z"));

    /** The screen contains the text, wherever the banner wrapped it (whitespace ignored on both sides). */
    private static boolean shows(ScreenHarness h, String text) {
        return h.text().replaceAll("\\s+", "").contains(text.replaceAll("\\s+", ""));
    }

    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    static final class FakeRecovery implements RecoveryControl {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile UnfinishedWorkflow unfinished;
        volatile List<UnattendedResult> unattended;

        FakeRecovery(UnfinishedWorkflow u, List<UnattendedResult> r) {
            unfinished = u;
            unattended = r;
        }

        /** Set once the console has read both (it does on a background lane, not on the UI thread). */
        volatile boolean readUnfinished;
        volatile boolean readUnattended;

        @Override
        public Optional<UnfinishedWorkflow> unfinished() {
            readUnfinished = true;
            return Optional.ofNullable(unfinished);
        }

        @Override
        public List<UnattendedResult> unattended() {
            readUnattended = true;
            return unattended;
        }

        @Override
        public void dismissUnattended() {
            calls.add("dismiss");
            unattended = List.of();
        }

        @Override
        public String resume(Consumer<String> progress) {
            calls.add("resume");
            unfinished = null;
            return "deploy of backend v1.1 done; the service is healthy.";
        }

        @Override
        public String rollBack(Consumer<String> progress) {
            calls.add("rollback");
            unfinished = null;
            return "backend: rolled back to edm-backend:v1.0; the service is healthy.";
        }
    }

    private static ScreenHarness open(Locale l, boolean readOnly, FakeRecovery r) throws Exception {
        ScreenHarness h = new ScreenHarness(140, 40, l, readOnly);
        h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
        h.app.controller().useRecovery(r);
        // The banner is read on a background lane: on a busy machine 50 ms is not always enough.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(r.readUnfinished && r.readUnattended) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        h.drainPosted();
        return h;
    }

    @Test
    void cutDeployNamesTheStepAndOffersResumeAndRollBackRightThere() throws Exception {
        FakeRecovery r = new FakeRecovery(CUT, List.of());
        try (ScreenHarness h = open(Locale.ENGLISH, false, r)) {
            assertTrue(shows(h, "Unfinished deploy-backend-20261129-095801: backend -> edm-backend:v1.1, stopped at step 'start-new'"
                    + " (begin) at 2026-11-29 09:58:07; its console (ubuntu@edm-prod, pid 4242) is gone."), h.text());
            assertTrue(shows(h, "[U] resume the unfinished workflow  [X] roll the unfinished workflow back"), h.text());
            assertTrue(shows(h, "old container: edm-backend-prod-old-20261129-095801 (edm-backend:v1.0), stopped"), h.text());
            int banner = h.rowContaining("Unfinished deploy");
            assertTrue(banner > 0 && banner < 38, "above the hint and status bars: row " + banner);
            assertTrue(h.rowContaining("Containers") < banner, "the panels are above the banner");

            // D does not start a deploy that would fail on the dead process's lock: it says what to press.
            h.app.apply(key('D'));
            assertTrue(shows(h, "First finish the unfinished deploy-backend-20261129-095801 shown above: U resumes it, X rolls it back."),
                    h.text());
            assertFalse(shows(h, "tag:"), h.text());

            h.app.apply(key('U'));
            assertTrue(shows(h, "Resume the deploy-backend-20261129-095801 of backend (edm-backend:v1.1)?"), h.text());
            h.app.apply(key('y'));
            DeployKeysScreenTest.await(r.calls, 1);
            assertEquals(List.of("resume"), r.calls);
            Thread.sleep(100);
            h.drainPosted();
            Thread.sleep(100);
            h.drainPosted();
            assertTrue(shows(h, "deploy of backend v1.1 done"), h.text());
            assertFalse(shows(h, "Unfinished deploy"), "re-read after the recovery: the banner is gone\n" + h.text());
        }
    }

    @Test
    void rollBackKeyAsksThenRollsBack() throws Exception {
        FakeRecovery r = new FakeRecovery(CUT, List.of());
        try (ScreenHarness h = open(Locale.ENGLISH, false, r)) {
            h.app.apply(key('X'));
            assertTrue(shows(h, "Roll back the deploy-backend-20261129-095801 of backend"), h.text());
            h.app.apply(key('n'));
            h.app.apply(key('X'), key('y'));
            DeployKeysScreenTest.await(r.calls, 1);
            assertEquals(List.of("rollback"), r.calls);
        }
    }

    @Test
    void aWorkflowAnotherConsoleIsFinishingOffersNoKeys() throws Exception {
        UnfinishedWorkflow live = new UnfinishedWorkflow(CUT.workflow(), CUT.service(), CUT.image(), "health", "begin", STOPPED,
                "ubuntu@edm-prod, pid 4242", true, CUT.containers(), true);
        FakeRecovery r = new FakeRecovery(live, List.of());
        try (ScreenHarness h = open(Locale.ENGLISH, false, r)) {
            assertTrue(shows(h, "is being finished by another console (ubuntu@edm-prod, pid 4242): step 'health'"), h.text());
            assertFalse(shows(h, "[U]"), h.text());
            h.app.apply(key('U'));
            assertFalse(shows(h, "Resume the"), h.text());
        }
    }

    @Test
    void aLockLeftBeforeTheFirstStepIsReleasedFromTheBanner() throws Exception {
        FakeRecovery r = new FakeRecovery(UnfinishedWorkflow.lockOnly("deploy backend v1.1", STOPPED, "ubuntu@edm-prod, pid 4242"),
                List.of());
        try (ScreenHarness h = open(Locale.ENGLISH, false, r)) {
            assertTrue(shows(h, "A lock is left by a console that is gone: deploy backend v1.1, ubuntu@edm-prod, pid 4242, since"
                    + " 2026-11-29 09:58:07. It stopped before its first step: nothing was changed."), h.text());
            assertTrue(shows(h, "[X] release the lock (nothing to undo)"), h.text());
            h.app.apply(key('D'));
            assertTrue(shows(h, "press X to release it"), h.text());
            h.app.apply(key('U'));
            assertFalse(shows(h, "Resume the"), "nothing to resume");
            h.app.apply(key('X'), key('y'));
            DeployKeysScreenTest.await(r.calls, 1);
            assertEquals(List.of("rollback"), r.calls);
        }
    }

    @Test
    void resultFromWhileTheTerminalWasAwayShowsUntilDismissed() throws Exception {
        FakeRecovery r = new FakeRecovery(null, List.of(AWAY));
        try (ScreenHarness h = open(Locale.ENGLISH, false, r)) {
            assertTrue(shows(h, "[O] dismiss  While the terminal was away (lost 2026-11-29 09:40:02): deploy edm-backend-prod v1.1,"
                    + " started by ubuntu, ended 2026-11-29 09:40:41: deploy of backend v1.1 done; the service is healthy."), h.text());
            h.app.apply(key('O'));
            assertFalse(shows(h, "While the terminal was away"), h.text());
            DeployKeysScreenTest.await(r.calls, 1);
            assertEquals(List.of("dismiss"), r.calls);
        }
    }

    @Test
    void readOnlyShowsTheBannerWithoutItsKeys() throws Exception {
        FakeRecovery r = new FakeRecovery(CUT, List.of());
        try (ScreenHarness h = open(Locale.ENGLISH, true, r)) {
            assertTrue(shows(h, "Unfinished deploy-backend"), h.text());
            assertTrue(shows(h, "Read-only console: resume or roll back from a console without --read-only."), h.text());
            h.app.apply(key('U'), key('y'));
            Thread.sleep(100);
            assertTrue(r.calls.isEmpty(), r.calls.toString());
        }
    }

    @Test
    void bannersInChinese() throws Exception {
        FakeRecovery r = new FakeRecovery(CUT, List.of(AWAY));
        try (ScreenHarness h = open(LanguageResolver.SIMPLIFIED_CHINESE, false, r)) {
            assertTrue(shows(h, "未完成的deploy-backend-20261129-095801：backend -> edm-backend:v1.1，停在步骤 'start-new'（begin）"), h.text());
            assertTrue(shows(h, "[U] 继续未完成的工作流  [X] 回滚未完成的工作流"), h.text());
            assertTrue(shows(h, "[O] 知道了（关闭）  终端断开期间（断开于 2026-11-29 09:40:02）：部署 edm-backend-prod v1.1，由 ubuntu 发起"), h.text());
            h.app.apply(key('U'));
            assertTrue(shows(h, "继续backend 的deploy-backend-20261129-095801（edm-backend:v1.1）？"), h.text());
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.Escape)));
        }
    }
}
