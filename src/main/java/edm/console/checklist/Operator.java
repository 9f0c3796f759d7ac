package edm.console.checklist;

import java.util.Map;

/**
 * Who ran a checklist: the person behind sudo when there is one, else the login user, and where from
 * (the client address of $SSH_CONNECTION, or "local").
 */
public record Operator(String user, String from) {
    public static Operator fromEnvironment(Map<String, String> env) {
        String user = firstNonBlank(env.get("SUDO_USER"), env.get("USER"), env.get("LOGNAME"), System.getProperty("user.name"));
        String ssh = env.get("SSH_CONNECTION");
        String from = ssh == null || ssh.isBlank() ? "local" : ssh.trim().split("\\s+")[0];
        return new Operator(user == null ? "unknown" : user, from);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
