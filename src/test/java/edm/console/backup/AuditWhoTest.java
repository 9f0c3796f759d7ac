package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who the audit log, the release history and the lock name: never "?" while the process has an account. */
class AuditWhoTest {
    @Test
    void sudoUserWinsThenUserThenLogname() {
        assertEquals("alice", AuditLog.who(Map.of("SUDO_USER", "alice", "USER", "root", "LOGNAME", "root")));
        assertEquals("bob", AuditLog.who(Map.of("USER", "bob", "LOGNAME", "carol")));
        assertEquals("carol", AuditLog.who(Map.of("LOGNAME", "carol")));
    }

    @Test
    void withoutAnyOfThemTheAccountTheProcessRunsAs() {
        // cron, a bare su or a tmux started from a service: none of the variables is set.
        assertEquals(System.getProperty("user.name"), AuditLog.who(Map.of("USER", " ")));
    }
}
