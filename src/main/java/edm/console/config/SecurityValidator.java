package edm.console.config;

import edm.console.config.SecuritySettings.AcceptedRisk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The meaning of {@code security.*}: paths, ports, ranges and accepted risks, each problem with its line. */
final class SecurityValidator {
    /** A rule id as the security command prints it: ssh, ssh.passwordAuthentication, ports.public.5432. */
    private static final Pattern RULE_ID = Pattern.compile("[a-z]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

    private final ProblemList problems;

    SecurityValidator(ProblemList problems) {
        this.problems = problems;
    }

    void validate(SecuritySettings s) {
        problems.requireAbsolutePath("security.root", s.root);
        problems.requireAbsolutePath("security.logrotateFile", s.logrotateFile);
        positive("security.intervalMinutes", s.intervalMinutes);
        positive("security.rotateDays", s.rotateDays);
        positive("security.patchDays", s.patchDays);
        ports("security.allowedPublicPorts", s.allowedPublicPorts);
        ports("security.entryPorts", s.entryPorts);
        range("security.edmPorts", s.edmPorts);
        range("security.otherPorts", s.otherPorts);
        if (s.deployUser == null || s.deployUser.isBlank()) {
            problems.add("security.deployUser", "empty");
        }
        if (s.stateDir == null || s.stateDir.isBlank()) {
            problems.add("security.stateDir", "empty");
        }
        accepted(s.accept);
    }

    private void accepted(List<AcceptedRisk> accept) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < accept.size(); i++) {
            AcceptedRisk a = accept.get(i);
            String at = ConfigPaths.element("security.accept", i);
            if (a.rule == null || a.rule.isBlank()) {
                problems.add(at + ".rule", "missing", "rule");
            } else if (!RULE_ID.matcher(a.rule).matches()) {
                problems.add(at + ".rule", "securityRule", a.rule);
            } else if (seen.putIfAbsent(a.rule, i) != null) {
                problems.add(at + ".rule", "duplicate", a.rule, ConfigPaths.element("security.accept", seen.get(a.rule)));
            }
            // An accepted risk without a reason is a silenced alarm nobody can review later.
            if (a.reason == null || a.reason.isBlank()) {
                problems.add(at + ".reason", "securityReason");
            }
        }
    }

    private void ports(String key, List<Integer> ports) {
        for (int i = 0; i < ports.size(); i++) {
            int p = ports.get(i);
            if (p < 1 || p > 65535) {
                problems.add(ConfigPaths.element(key, i), "securityPort", String.valueOf(p));
            }
        }
    }

    private void range(String key, String value) {
        Matcher m = RANGE.matcher(value == null ? "" : value.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) > 65535
                || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            problems.add(key, "securityRange", String.valueOf(value));
        }
    }


    private void positive(String key, int value) {
        if (value <= 0) {
            problems.add(key, "notPositive", String.valueOf(value));
        }
    }
}
