package edm.console.security;

import edm.console.core.ImageMetadata;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.SecretValues.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEC-006 使用环境变量存储敏感信息, 不在代码中硬编码: no secret value of the env file appears in the images of the
 * stack's containers (config Env, Labels, Cmd, Entrypoint, each layer's command) or in the project's files
 * outside the env file. Whoever can pull an image or read the project dir has such a value. The evidence
 * names the image and layer or the file and line and the variable, never the value.
 */
final class SecretLeaks {
    /** Places shown per secret; the rest are counted. */
    static final int SHOWN_PLACES = 5;

    private SecretLeaks() {
    }

    static List<Finding> check(SecurityContext ctx, Map<String, String> env) {
        SecretValues.Split split = SecretValues.of(env);
        String title = Messages.t("security.title.secrets.leak");
        String shortNote = split.tooShort().isEmpty() ? ""
                : Messages.t("security.secrets.leak.tooShort", String.join(", ", split.tooShort()), String.valueOf(SecretValues.MIN_LENGTH));
        if (split.searched().isEmpty()) {
            return List.of(Finding.ok("secrets.leak", title, Messages.t("security.secrets.leak.nothing", ctx.envFile()) + shortNote));
        }
        Map<Secret, Set<String>> places = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        int images = searchImages(ctx, split.searched(), places, out);
        String files;
        try {
            ProjectFileSearch.Coverage c = ProjectFileSearch.search(ctx.projectDir(), ctx.envFile(), ctx.backupDirs(), split.searched(),
                    (s, where) -> places.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(where));
            files = Messages.t("security.secrets.leak.files", String.valueOf(c.files()), ctx.projectDir())
                    + (c.unreadable() > 0 ? " " + Messages.t("security.secrets.leak.unreadable", String.valueOf(c.unreadable())) : "")
                    + (c.stoppedAtCap() ? " " + Messages.t("security.secrets.leak.capped", String.valueOf(ProjectFileSearch.MAX_FILES)) : "");
        } catch (IOException e) {
            files = null;
            out.add(Finding.of("secrets.leak.files", ProbeStatus.UNKNOWN, title,
                    Messages.t("security.secrets.leak.noFiles", ctx.projectDir(), SshdConfig.reason(e)), ""));
        }
        places.forEach((secret, where) -> out.add(Finding.of("secrets.leak." + secret.names().split(", ")[0], ProbeStatus.WARNING, title,
                Messages.t("security.secrets.leak.found", secret.names(), shown(where)),
                Messages.t("security.fix.secrets.leak", secret.names(), ctx.envFile()))));
        if (places.isEmpty()) {
            String where = images >= 0 ? Messages.t("security.secrets.leak.images", String.valueOf(images)) : "";
            where = files == null ? where : where.isEmpty() ? files : Messages.t("security.secrets.leak.both", where, files);
            out.add(Finding.ok("secrets.leak", title, Messages.t("security.secrets.leak.none", String.valueOf(split.searched().size()), where) + shortNote));
        }
        return out;
    }

    /** Searches each distinct image of the stack's containers; the number searched, or -1 when the engine could not list them. */
    private static int searchImages(SecurityContext ctx, List<Secret> secrets, Map<Secret, Set<String>> places, List<Finding> out) {
        ContainerFacts.Listing listing = ctx.containers().get();
        String title = Messages.t("security.title.secrets.leak");
        if (!listing.available()) {
            out.add(Finding.of("secrets.leak.images", ProbeStatus.UNKNOWN, title,
                    Messages.t("security.engineUnavailable", listing.unavailable()), ""));
            return -1;
        }
        Set<String> images = new TreeSet<>();
        for (ContainerFacts c : listing.containers()) {
            if (ctx.edmContainer(c.name()) != null && c.image() != null && !c.image().isEmpty()) {
                images.add(c.image());
            }
        }
        int searched = 0;
        List<String> unread = new ArrayList<>();
        for (String image : images) {
            ImageMetadata m;
            try {
                m = ctx.images().read(image);
            } catch (RuntimeException e) {
                unread.add(image + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            searched++;
            for (Secret s : secrets) {
                for (String where : inImage(m, s.value())) {
                    places.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(where);
                }
            }
        }
        if (!unread.isEmpty()) {
            out.add(Finding.of("secrets.leak.images", ProbeStatus.UNKNOWN, title, String.join("; ", unread), ""));
        }
        return searched;
    }

    /** Where in the image the value is: "image edm-backend:v1.1 Env API_TOKEN", "... history #3 (sha256:0123abcd4567)". */
    static List<String> inImage(ImageMetadata m, String value) {
        List<String> out = new ArrayList<>();
        String at = Messages.t("security.secrets.leak.image", m.ref());
        for (String e : m.env()) {
            int eq = e.indexOf('=');
            if (eq >= 0 && e.substring(eq + 1).contains(value)) {
                out.add(at + " Env " + e.substring(0, eq));
            }
        }
        m.labels().forEach((k, v) -> {
            if (v != null && v.contains(value)) {
                out.add(at + " Label " + k);
            }
        });
        if (String.join(" ", m.cmd()).contains(value)) {
            out.add(at + " Cmd");
        }
        if (String.join(" ", m.entrypoint()).contains(value)) {
            out.add(at + " Entrypoint");
        }
        for (int i = 0; i < m.history().size(); i++) {
            ImageMetadata.Layer l = m.history().get(i);
            if (l.createdBy().contains(value)) {
                // Numbered as `docker history` lists them (newest first); the id where the engine has one.
                String id = l.id().startsWith("sha256:") ? " (" + l.id().substring(0, Math.min(l.id().length(), 19)) + ")" : "";
                out.add(at + " " + Messages.t("security.secrets.leak.layer", String.valueOf(i + 1)) + id);
            }
        }
        return out;
    }

    private static String shown(Set<String> where) {
        List<String> all = new ArrayList<>(where);
        String head = String.join(", ", all.subList(0, Math.min(SHOWN_PLACES, all.size())));
        return all.size() > SHOWN_PLACES ? head + " " + Messages.t("security.secrets.leak.more", String.valueOf(all.size() - SHOWN_PLACES)) : head;
    }
}
