package edm.console.security;

import edm.console.config.EnvFile;
import edm.console.core.ProbeStatus;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC-006 敏感信息保护: the env file's mode and owner, JWT_SECRET's strength, each secret's age, and no secret
 * value elsewhere ({@link SecretLeaks}).
 * No value ever reaches a finding: evidence names the file, the line, the length and the bits.
 */
final class SecretsRule implements Rule {
    private static final Pattern URL_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:[^@\\s]+@.*");
    private static final Set<PosixFilePermission> GROUP_READ_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);

    @Override
    public String id() {
        return "secrets";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        Path env = ctx.envFile();
        if (!Files.exists(env)) {
            return List.of(Finding.of("secrets.envFile", ProbeStatus.UNKNOWN, Messages.t("security.title.secrets.envFile"),
                    Messages.t("security.secrets.noEnvFile", env), Messages.t("security.fix.secrets.noEnvFile", env)));
        }
        List<Finding> out = new ArrayList<>();
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(env, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return List.of(Finding.of("secrets.mode", ProbeStatus.UNKNOWN, Messages.t("security.title.secrets.mode"),
                    env + ": " + e.getMessage(), ""));
        }
        out.add(mode(env, attrs));
        out.add(owner(env, attrs, ctx.settings().deployUser));
        Map<String, String> values;
        List<String> lines;
        try {
            lines = Files.readAllLines(env, StandardCharsets.UTF_8);
            values = EnvFile.read(env);
        } catch (IOException e) {
            out.add(Finding.of("secrets.jwtSecret", ProbeStatus.UNKNOWN, Messages.t("security.title.secrets.jwtSecret"),
                    Messages.t("security.secrets.unreadable", env, SshdConfig.reason(e)), Messages.t("security.fix.secrets.unreadable")));
            return out;
        }
        out.add(jwt(env, lines, values.get("JWT_SECRET")));
        if (!ctx.criticalOnly()) {
            // An old secret is a warning, never critical: check leaves the fingerprints alone. A leaked value is a
            // rotation to plan (a warning), and its search reads every image's history: security and the panel only.
            out.addAll(ages(ctx, values));
            out.addAll(SecretLeaks.check(ctx, values));
        }
        return out;
    }

    private static Finding mode(Path env, PosixFileAttributes a) {
        Set<PosixFilePermission> p = a.permissions();
        String shown = PosixFilePermissions.toString(p) + " " + env;
        String title = Messages.t("security.title.secrets.mode");
        String fix = Messages.t("security.fix.secrets.mode", env);
        boolean others = p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.OTHERS_WRITE)
                || p.contains(PosixFilePermission.OTHERS_EXECUTE);
        if (others) {
            return Finding.of("secrets.mode", ProbeStatus.CRITICAL, title, shown, fix);
        }
        boolean ownerOnly = p.stream().allMatch(x -> x == PosixFilePermission.OWNER_READ || x == PosixFilePermission.OWNER_WRITE);
        // 640 is fine when a named group (the one the containers' runtime reads it as) is meant to read it.
        if (ownerOnly || p.equals(GROUP_READ_ONLY) && !a.group().getName().equals(a.owner().getName())) {
            return Finding.ok("secrets.mode", title, shown + (ownerOnly ? "" : " (group " + a.group().getName() + ")"));
        }
        return Finding.of("secrets.mode", ProbeStatus.WARNING, title, shown, fix);
    }

    private static Finding owner(Path env, PosixFileAttributes a, String deployUser) {
        String owner = a.owner().getName();
        String title = Messages.t("security.title.secrets.owner");
        String evidence = Messages.t("security.secrets.ownedBy", env, owner);
        return owner.equals(deployUser) ? Finding.ok("secrets.owner", title, evidence)
                : Finding.of("secrets.owner", ProbeStatus.WARNING, title, evidence, Messages.t("security.fix.secrets.owner", deployUser, env));
    }

    private static Finding jwt(Path env, List<String> lines, String value) {
        String title = Messages.t("security.title.secrets.jwtSecret");
        String fix = Messages.t("security.fix.secrets.jwtSecret", env);
        if (value == null || value.isBlank()) {
            return Finding.of("secrets.jwtSecret", ProbeStatus.CRITICAL, title, Messages.t("security.secrets.jwtMissing", env), fix);
        }
        String where = env + ":" + lineOf(lines, "JWT_SECRET");
        if (SecretStrength.placeholder(value)) {
            return Finding.of("secrets.jwtSecret", ProbeStatus.CRITICAL, title, Messages.t("security.secrets.jwtPlaceholder", where), fix);
        }
        int bits = SecretStrength.bits(value);
        String evidence = Messages.t("security.secrets.jwtBits", where, String.valueOf(value.length()), String.valueOf(bits), String.valueOf(SecretStrength.WANTED_BITS));
        // Under 128 bits a secret can be brute-forced offline from one signed token; under 256 it falls short of the spec.
        ProbeStatus st = bits >= SecretStrength.WANTED_BITS ? ProbeStatus.OK : bits < 128 ? ProbeStatus.CRITICAL : ProbeStatus.WARNING;
        return st == ProbeStatus.OK ? Finding.ok("secrets.jwtSecret", title, evidence) : Finding.of("secrets.jwtSecret", st, title, evidence, fix);
    }

    private static List<Finding> ages(SecurityContext ctx, Map<String, String> values) {
        Map<String, String> secrets = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!value.isEmpty() && (Secrets.isSecretName(name) || URL_PASSWORD.matcher(value).matches())) {
                secrets.put(name, value);
            }
        });
        String title = Messages.t("security.title.secrets.rotation");
        if (secrets.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(ctx.clock().now(), ZoneOffset.UTC);
        Map<String, LocalDate> since;
        try {
            since = new SecretAges(ctx.stateDir()).update(secrets, today);
        } catch (IOException | RuntimeException e) {
            return List.of(Finding.of("secrets.rotation", ProbeStatus.UNKNOWN, title,
                    Messages.t("security.secrets.noState", ctx.stateDir(), e.getMessage()), Messages.t("security.fix.secrets.noState")));
        }
        int limit = ctx.settings().rotateDays;
        List<Finding> out = new ArrayList<>();
        LocalDate oldest = today;
        for (Map.Entry<String, LocalDate> e : since.entrySet()) {
            long days = ChronoUnit.DAYS.between(e.getValue(), today);
            oldest = e.getValue().isBefore(oldest) ? e.getValue() : oldest;
            if (days > limit) {
                out.add(Finding.of("secrets.rotation." + e.getKey(), ProbeStatus.WARNING, title,
                        Messages.t("security.secrets.old", e.getKey(), e.getValue(), String.valueOf(days), String.valueOf(limit)),
                        Messages.t("security.fix.secrets.rotate", e.getKey(), ctx.envFile())));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("secrets.rotation", title, Messages.t("security.secrets.young", since.size(), oldest,
                    String.valueOf(ChronoUnit.DAYS.between(oldest, today)), String.valueOf(limit))));
        }
        return out;
    }

    private static int lineOf(List<String> lines, String name) {
        Pattern p = Pattern.compile("\\s*(export\\s+)?" + Pattern.quote(name) + "\\s*=.*");
        for (int i = lines.size() - 1; i >= 0; i--) {
            // The last assignment wins in an env file, so that is the line that matters.
            if (p.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
        }
        return 0;
    }
}
