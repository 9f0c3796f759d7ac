package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.cli.SnapshotCollector;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each automatic item against the real sandbox stack: passing, then failing for a real reason. */
@RequiresSandbox
class ChecklistSandboxIT {
    private final ChecklistLoader.Loaded lists = ChecklistLoader.load(null);
    private SandboxFixture.RunningSandbox sb;

    @BeforeEach
    void up() {
        Messages.use(Locale.ENGLISH);
        sb = SandboxFixture.up();
    }

    @AfterEach
    void restoreTheStack() {
        SandboxFixture.up();
    }

    private ItemResult check(ConsoleConfig config, String list, String itemId) {
        Checklist.Item item = lists.checklists().get(list).items().stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
        return new AutomaticChecks(() -> SnapshotCollector.collect(config, Clock.SYSTEM).probes(), null, null, config, Clock.SYSTEM)
                .run(item);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The sandbox's config with patience for a busy build machine (this test is about outcomes, not speed). */
    private static ConsoleConfig patient(ConsoleConfig c) {
        c.health.timeoutSeconds = 30;
        c.thresholds.apiResponseSeconds = 30;
        return c;
    }

    @Test
    void postDeployVerificationPassesOnAHealthyStack() {
        ConsoleConfig config = patient(sb.config());
        ChecklistRun run = new ChecklistRun(lists.checklists().get("post-deploy"),
                new AutomaticChecks(() -> SnapshotCollector.collect(config, Clock.SYSTEM).probes(), null, null, config,
                        Clock.SYSTEM), new Operator("it", "local"), Clock.SYSTEM);
        run.runAllAutomatic();
        for (ItemResult r : run.results()) {
            if (List.of("services-started", "api-reachable", "database-ok").contains(r.item().id())) {
                assertEquals(Outcome.PASS, r.outcome(), r.item().id() + ": " + r.value() + " " + r.details());
            }
        }
        assertEquals(List.of("frontend-loads", "key-features"), run.requiredFailures().stream().map(r -> r.item().id()).toList(),
                "only the manual items are left to confirm");
    }

    @Test
    void servicesRunningFailsWhileAContainerIsStopped() {
        assertEquals(Outcome.PASS, check(patient(sb.config()), "daily", "services-running").outcome());
        String victim = sb.config().containerNames().stream().filter(n -> n.contains("frontend")).findFirst().orElseThrow();
        DockerEngine.client().stopContainerCmd(victim).withTimeout(2).exec();
        ItemResult r = check(sb.config(), "daily", "services-running");
        assertEquals(Outcome.FAIL, r.outcome(), r.value());
        assertTrue(r.value().contains(victim), r.value());
    }

    @Test
    void databaseAndApiFailWhenTheyCannotBeReached() throws IOException {
        ConsoleConfig broken = SandboxFixture.up().config();
        broken.health.databaseUrl = "postgresql://edm:pw@127.0.0.1:" + closedPort() + "/edm";
        broken.health.urls.forEach(u -> u.url = "http://127.0.0.1:" + 1 + "/api/health");
        broken.services.forEach(s -> s.healthUrl = "");
        assertEquals(Outcome.PASS, check(patient(sb.config()), "post-deploy", "database-ok").outcome());
        ItemResult db = check(broken, "post-deploy", "database-ok");
        assertEquals(Outcome.FAIL, db.outcome(), db.value());
        assertTrue(!db.value().contains("pw@"), "no password in the evidence: " + db.value());
        assertEquals(Outcome.FAIL, check(broken, "post-deploy", "api-reachable").outcome());
    }

    @Test
    void diskUsageFollowsTheThreshold() {
        ItemResult ok = check(sb.config(), "daily", "disk-usage");
        assertTrue(ok.outcome() == Outcome.PASS || ok.outcome() == Outcome.WARN, ok.value() + " " + ok.details());
        ConsoleConfig strict = SandboxFixture.up().config();
        strict.thresholds.diskPercent = 0.01;
        assertEquals(Outcome.FAIL, check(strict, "daily", "disk-usage").outcome());
    }
}
