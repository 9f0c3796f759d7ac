package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.SshdConfig.Directive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPEC-006 仅允许密钥认证, 禁用root直接登录: the effective sshd settings. {@code sshd -T} where it runs as
 * this user (it needs the host keys, so usually as root only), else the config files; Match blocks that
 * loosen a setting for some users are findings of their own.
 */
final class SshRule implements Rule {
    static final String MAIN = "/etc/ssh/sshd_config";

    /** One watched setting: what the spec wants, what sshd does when the files do not say, how bad the rest is. */
    private record Setting(String id, String keyword, String display, String wanted, String sshdDefault) {
        ProbeStatus judge(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals(wanted)) {
                return ProbeStatus.OK;
            }
            // Root may still log in with a key: not the spec's "no", but not a password door either.
            if (keyword.equals("permitrootlogin") && (v.equals("prohibit-password") || v.equals("without-password")
                    || v.equals("forced-commands-only"))) {
                return ProbeStatus.WARNING;
            }
            return keyword.equals("pubkeyauthentication") ? ProbeStatus.WARNING : ProbeStatus.CRITICAL;
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("ssh.passwordAuthentication", "passwordauthentication", "PasswordAuthentication", "no", "yes"),
            new Setting("ssh.kbdInteractiveAuthentication", "kbdinteractiveauthentication", "KbdInteractiveAuthentication", "no", "yes"),
            new Setting("ssh.permitRootLogin", "permitrootlogin", "PermitRootLogin", "no", "prohibit-password"),
            new Setting("ssh.pubkeyAuthentication", "pubkeyauthentication", "PubkeyAuthentication", "yes", "yes"));

    @Override
    public String id() {
        return "ssh";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        Path main = ctx.host(MAIN);
        String sshd = Files.isExecutable(ctx.host("/usr/sbin/sshd")) ? "/usr/sbin/sshd" : "sshd";
        HostCommands.Output t = ctx.commands().run(List.of(sshd, "-T"));
        Map<String, String> effective = t.ok() ? parse(t.stdout()) : null;
        SshdConfig files = Files.exists(main) ? SshdConfig.read(ctx.root(), main) : null;
        if (effective == null && files == null) {
            return List.of(Finding.of("ssh", ProbeStatus.UNKNOWN, Messages.t("security.title.ssh"),
                    Messages.t("security.ssh.noConfig", main, t.problem().isEmpty() ? "exit " + t.exitCode() : t.problem()),
                    Messages.t("security.fix.ssh.noConfig")));
        }
        List<Finding> out = new ArrayList<>();
        for (Setting s : SETTINGS) {
            out.add(effective != null ? fromSshdT(s, effective, files, main) : fromFiles(s, files, main));
        }
        if (files != null) {
            out.addAll(matchBlocks(files));
        }
        return out;
    }

    /** The effective global settings sshd -T printed (sshd -T needs the host keys, so it runs as root only). */
    private static Map<String, String> parse(String stdout) {
        Map<String, String> values = new HashMap<>();
        stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] kv = l.split("\\s+", 2);
            values.putIfAbsent(kv[0].toLowerCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
        });
        return values;
    }

    private static Finding fromSshdT(Setting s, Map<String, String> effective, SshdConfig files, Path main) {
        String value = effective.getOrDefault(s.keyword(), s.sshdDefault());
        ProbeStatus st = s.judge(value);
        String evidence = "sshd -T: " + s.keyword() + " " + value;
        return finding(s, st, evidence, files == null ? null : files.global(s.keyword()).orElse(null), main);
    }

    private static Finding fromFiles(Setting s, SshdConfig files, Path main) {
        Directive d = files.global(s.keyword()).orElse(null);
        if (d == null && s.keyword().equals("kbdinteractiveauthentication")) {
            // The keyword's old name, still honoured by sshd.
            d = files.global("challengeresponseauthentication").orElse(null);
        }
        if (d == null && !files.unreadable().isEmpty()) {
            return Finding.of(s.id(), ProbeStatus.UNKNOWN, Messages.t("security.title." + s.id()),
                    Messages.t("security.ssh.unreadable", String.join(", ", files.unreadable())), Messages.t("security.fix.ssh.unreadable"));
        }
        String evidence = d != null ? d.where() + " " + s.display() + " " + d.value()
                : Messages.t("security.ssh.default", s.display(), s.sshdDefault(), main);
        return finding(s, s.judge(d != null ? d.value() : s.sshdDefault()), evidence, d, main);
    }

    private static Finding finding(Setting s, ProbeStatus st, String evidence, Directive winning, Path main) {
        String title = Messages.t("security.title." + s.id());
        if (st == ProbeStatus.OK) {
            return Finding.ok(s.id(), title, evidence);
        }
        // First value wins: the fix goes where the winning line is, or at the top of the main file.
        String fix = winning != null
                ? Messages.t("security.fix.ssh.change", winning.where(), s.display() + " " + s.wanted())
                : Messages.t("security.fix.ssh.add", s.display() + " " + s.wanted(), main);
        return Finding.of(s.id(), st, title, evidence, fix);
    }

    private static List<Finding> matchBlocks(SshdConfig files) {
        List<Finding> out = new ArrayList<>();
        for (Setting s : SETTINGS) {
            for (Directive d : files.inMatchBlocks(s.keyword())) {
                ProbeStatus st = s.judge(d.value());
                if (st != ProbeStatus.OK) {
                    out.add(Finding.of("ssh.match", st,
                            Messages.t("security.title.ssh.match"), d.where() + " " + d.match() + ": " + s.display() + " " + d.value(),
                            Messages.t("security.fix.ssh.change", d.where(), s.display() + " " + s.wanted())));
                }
            }
        }
        return out;
    }
}
