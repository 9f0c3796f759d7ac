package edm.console.security;

import edm.console.config.SecuritySettings.AcceptedRisk;
import edm.console.core.ProbeStatus;
import java.util.ArrayList;
import java.util.List;

/** {@code security.accept}: a finding whose id is an accepted rule (or lies under one: "ssh" covers "ssh.match") is muted. */
final class Acceptance {
    private Acceptance() {
    }

    static List<Finding> apply(List<Finding> findings, List<AcceptedRisk> accept) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            AcceptedRisk a = f.status() == ProbeStatus.OK ? null : matching(f.rule(), accept);
            out.add(a == null ? f : f.accept(a.reason));
        }
        return out;
    }

    static boolean covers(String accepted, String rule) {
        return rule.equals(accepted) || rule.startsWith(accepted + ".");
    }

    private static AcceptedRisk matching(String rule, List<AcceptedRisk> accept) {
        for (AcceptedRisk a : accept) {
            if (a.rule != null && covers(a.rule, rule)) {
                return a;
            }
        }
        return null;
    }
}
