package edm.console.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code security.*}: where the SPEC-006 security rules read from and what they allow. Kept apart from
 * {@link ConsoleConfig} so the rules can grow without touching the loader; bound like every other section.
 */
public class SecuritySettings {
    /**
     * The host's files (/etc/ssh, /proc/net, /etc/logrotate.d, /var/lib/apt, ...) are read under this root;
     * "/" on a server, a fixture tree in tests. Host commands (sshd -T, ufw, apt-get -s) run only when it is "/".
     */
    public String root = "/";
    /** Accepted risks: a rule id (or a rule's prefix, "ssh") with the reason; shown muted, never counted. */
    public List<AcceptedRisk> accept = new ArrayList<>();
    /**
     * How often the console's Security panel runs the rules again, in minutes (c runs them at once). They read
     * slow-changing things (config files, packages, images) and take seconds: every ten minutes is live enough.
     */
    public int intervalMinutes = 10;
    /** SPEC-006 定期轮换密钥和密码: a secret unchanged for longer than this is a warning. */
    public int rotateDays = 90;
    /** SPEC-006 每周维护 更新系统补丁: no apt upgrade for longer than this is a warning. */
    public int patchDays = 7;
    /** What may listen on a public address (SPEC-006: ssh and the nginx entry). */
    public List<Integer> allowedPublicPorts = new ArrayList<>(List.of(22, 80, 443));
    /** The ports nginx publishes on every address; every other EDM port is published on 127.0.0.1 only. */
    public List<Integer> entryPorts = new ArrayList<>(List.of(80, 443));
    /** SPEC-006 端口分配规范: EDM's range, FROM-TO. */
    public String edmPorts = "8000-8099";
    /** SPEC-006 端口分配规范: the other projects' range (gloda_channel, ...), FROM-TO. */
    public String otherPorts = "7000-7099";
    /** The deploy user that owns .env.production and the logs (SPEC-006 用户账号). */
    public String deployUser = "ubuntu";
    /** Secret fingerprints (salted hashes, never values) and the accept list last seen; relative to projectDir unless absolute. */
    public String stateDir = "state/security";
    /** Where {@code security fix logrotate} writes the spec's logrotate entry (under root). */
    public String logrotateFile = "/etc/logrotate.d/edm";

    /** One accepted risk. */
    public static class AcceptedRisk {
        public String rule;
        public String reason;

        public AcceptedRisk() {
        }

        public AcceptedRisk(String rule, String reason) {
            this.rule = rule;
            this.reason = reason;
        }
    }
}
