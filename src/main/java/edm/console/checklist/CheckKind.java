package edm.console.checklist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The automatic checks an item can be bound to, by the name used in checklist files. */
public enum CheckKind {
    /** Every configured container running, and healthy where it has a health check. */
    CONTAINERS("containers"),
    /** The PostgreSQL probe. */
    POSTGRES("postgres"),
    /** The Redis probe. */
    REDIS("redis"),
    /** The services the application depends on: PostgreSQL and Redis. */
    DEPENDENCIES("dependencies"),
    /** Every health URL answers in time. */
    HTTP("http"),
    /** Disk usage of the project's file systems under the threshold. */
    DISK("disk"),
    /** Memory, swap and load under their limits. */
    RESOURCES("resources"),
    /** A verified database backup newer than {@code maxAgeHours}. */
    BACKUP("backup"),
    /** No error lines in the logs in the last {@code hours}. */
    LOG_ERRORS("log-errors"),
    /** SPEC-006 更新系统补丁: the security rule "patches" (pending security updates, reboot, days since the last upgrade). */
    PATCHES("patches"),
    /** SPEC-006 安全规范: every security rule (the Security panel's report). */
    SECURITY("security");

    private final String fileName;

    CheckKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<CheckKind> byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.fileName.equals(n)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(CheckKind::fileName).toList());
    }
}
