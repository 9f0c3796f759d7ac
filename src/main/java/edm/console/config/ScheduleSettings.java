package edm.console.config;

/**
 * {@code schedule.*}: SPEC-006's automation as {@code edm-console schedule install} writes it (每5分钟健康检查,
 * 每日自动备份数据库, 每周备份完整系统, 定期测试恢复流程). The defaults are the spec's; times are the host's local time.
 */
public class ScheduleSettings {
    /** Unit files and cron.d are written under this root: "/" on a server, a temp dir in tests. systemctl runs only for "/". */
    public String root = "/";
    /** auto: systemd timers when ROOT/run/systemd/system exists (how systemd says it is running), else cron. Or systemd, cron. */
    public String mode = "auto";
    /** The account the jobs run as (systemd User=, cron's user field). */
    public String user = "ubuntu";
    /** The launcher the jobs run; empty: the one this console was started from. */
    public String command = "";
    /** Where systemd units go, under root. */
    public String unitDir = "/etc/systemd/system";
    /** The cron file where systemd is not running, under root. */
    public String cronFile = "/etc/cron.d/edm-console";
    /** Prune (backups.keepDaily / keepWeekly) after each scheduled backup. */
    public boolean pruneAfterBackup = true;
    public Every healthCheck = new Every(true, 5);
    public Daily databaseBackup = new Daily(true, "02:30");
    public Weekly filesBackup = new Weekly(true, "sun", "03:30");
    public Weekly restoreDrill = new Weekly(true, "sun", "05:00");

    /** A job every N minutes (N divides 60, so the runs are evenly spaced across the hour). */
    public static class Every {
        public boolean enabled = true;
        public int everyMinutes = 5;

        public Every() {
        }

        Every(boolean enabled, int everyMinutes) {
            this.enabled = enabled;
            this.everyMinutes = everyMinutes;
        }
    }

    /** A job every day at HH:MM. */
    public static class Daily {
        public boolean enabled = true;
        public String at = "02:30";

        public Daily() {
        }

        Daily(boolean enabled, String at) {
            this.enabled = enabled;
            this.at = at;
        }
    }

    /** A job once a week: a day (mon..sun) at HH:MM. */
    public static class Weekly {
        public boolean enabled = true;
        public String day = "sun";
        public String at = "03:30";

        public Weekly() {
        }

        Weekly(boolean enabled, String day, String at) {
            this.enabled = enabled;
            this.day = day;
            this.at = at;
        }
    }
}
