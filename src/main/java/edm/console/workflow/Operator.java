package edm.console.workflow;

import edm.console.backup.AuditLog;
import edm.console.core.LocalProcess;
import java.util.Map;

/**
 * Who runs a workflow: the person ($SUDO_USER, else $USER), their SSH connection when remote, this host
 * and process. Goes into the lock, the journal, the release history and the audit log.
 */
public record Operator(String user, String ssh, String host, long pid) {
    public static Operator current(Map<String, String> env) {
        String ssh = env.get("SSH_CONNECTION");
        return new Operator(AuditLog.who(env), ssh == null || ssh.isBlank() ? null : ssh, hostName(), ProcessHandle.current().pid());
    }

    static String hostName() {
        return LocalProcess.hostName();
    }
}
