package edm.console.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to build one sandbox image: the resource dir holding its Dockerfile and files, and its build args.
 *
 * @param image      repository:tag
 * @param resources  dir under {@code src/main/resources/sandbox/}
 * @param files      files of that dir copied into the build context (jar resources cannot be listed)
 * @param buildArgs  Docker build args
 * @param busybox    whether the context needs the static busybox binary
 * @param baseImage  whether the Dockerfile builds FROM the imported Debian base image
 */
public record ImageRecipe(String image, String resources, List<String> files, Map<String, String> buildArgs,
                          boolean busybox, boolean baseImage) {

    static final List<String> APP_FILES = List.of("Dockerfile", "lib.sh", "server.sh", "chatter.sh", "backend.sh",
            "frontend.sh", "index.html");
    static final List<String> NGINX_FILES = List.of("Dockerfile", "entrypoint.sh", "traffic.sh");

    /** Every image the sandbox needs, base-image users last so that cheap images come first. */
    public static List<ImageRecipe> all() {
        List<ImageRecipe> all = new ArrayList<>();
        for (String role : List.of("backend", "frontend")) {
            for (String version : SandboxSpec.APP_VERSIONS) {
                all.add(app(role, version, false));
            }
            all.add(app(role, SandboxSpec.BROKEN_VERSION, true));
        }
        all.add(new ImageRecipe(SandboxSpec.require("postgres").image(), "postgres", List.of("Dockerfile", "entrypoint.sh"),
                Map.of(), false, true));
        all.add(new ImageRecipe(SandboxSpec.require("redis").image(), "redis", List.of("Dockerfile"), Map.of(), false, true));
        // Debian's nginx package, configured by the project dir's nginx/ (SandboxProject writes it).
        all.add(new ImageRecipe(SandboxSpec.require("nginx").image(), "nginx", NGINX_FILES, Map.of(), false, true));
        return all;
    }

    static ImageRecipe app(String role, String version, boolean broken) {
        SandboxService s = SandboxSpec.require(role);
        Map<String, String> args = new LinkedHashMap<>();
        args.put("ROLE", role);
        args.put("VERSION", version);
        args.put("BROKEN", broken ? "1" : "0");
        args.put("PORT", Integer.toString(s.containerPort()));
        args.put("HEALTH_PATH", s.healthPath());
        if ("backend".equals(role)) {
            args.put("APP_LOG_FILE", "app.log");
        }
        return new ImageRecipe(s.repository() + ":" + version, "app", APP_FILES, args, true, false);
    }

    /**
     * Hash of everything that goes into the image (files, build args): stored as an image label so that
     * a cached image built from older sandbox files is rebuilt instead of silently reused.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                md.update(f.getBytes(StandardCharsets.UTF_8));
                md.update(SandboxImages.resource(resources + "/" + f).getBytes(StandardCharsets.UTF_8));
            }
            md.update(new TreeMap<>(buildArgs).toString().getBytes(StandardCharsets.UTF_8));
            if (baseImage) {
                // A new base (another package list) makes the images built on it stale too.
                md.update(BaseImageBuilder.fingerprint().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("sandbox image files unreadable: " + e.getMessage(), e);
        }
    }

    public String version() {
        return image.substring(image.lastIndexOf(':') + 1);
    }
}
