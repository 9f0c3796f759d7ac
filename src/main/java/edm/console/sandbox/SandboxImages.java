package edm.console.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the sandbox images locally (never pulls) and reports which exist. An image whose tag exists and
 * whose recipe label matches the current files is not rebuilt; the Debian base image likewise, by its
 * package list ({@link BaseImageBuilder#fingerprint()}): a base made before nginx joined it is made again, once.
 */
public final class SandboxImages {
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final DockerClient client;
    private final DockerClient buildClient;
    private final Consumer<String> progress;
    private String endpoint = "";

    /**
     * @param client      short-timeout client for inspections
     * @param buildClient long-timeout client: builds and the base image import run for minutes
     */
    public SandboxImages(DockerClient client, DockerClient buildClient, Consumer<String> progress) {
        this.client = client;
        this.buildClient = buildClient;
        this.progress = progress;
    }

    /** The endpoint for the docker CLI (base image import); set by {@link Sandbox}. */
    SandboxImages withEndpoint(String dockerEndpoint) {
        this.endpoint = dockerEndpoint;
        return this;
    }

    /** Every image the sandbox uses (including the Debian base image), in build order. */
    public static List<String> allImages() {
        List<String> all = new ArrayList<>();
        all.add(SandboxSpec.BASE_IMAGE);
        ImageRecipe.all().forEach(r -> all.add(r.image()));
        return all;
    }

    public boolean exists(String image) {
        return labels(image) != null;
    }

    /** The image's labels (empty map when none), or null when the image does not exist. */
    private Map<String, String> labels(String image) {
        try {
            var config = client.inspectImageCmd(image).exec().getConfig();
            return config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Whether the image exists and was built from the current recipe. */
    boolean upToDate(ImageRecipe recipe) {
        Map<String, String> labels = labels(recipe.image());
        return labels != null && recipe.fingerprint().equals(labels.get(SandboxSpec.LABEL_RECIPE));
    }

    /** Whether the Debian base image exists and was made from the current package list. */
    boolean baseUpToDate() {
        Map<String, String> labels = labels(SandboxSpec.BASE_IMAGE);
        return labels != null && BaseImageBuilder.fingerprint().equals(labels.get(SandboxSpec.LABEL_RECIPE));
    }

    /** The ids of the images that the sandbox's tags name now (tags that do not exist are left out). */
    Set<String> currentIds() {
        Set<String> ids = new HashSet<>();
        for (ImageRecipe recipe : ImageRecipe.all()) {
            try {
                ids.add(client.inspectImageCmd(recipe.image()).exec().getId());
            } catch (NotFoundException e) {
                // not built: nothing can run it
            }
        }
        return ids;
    }

    /**
     * Makes the Debian base image alone when it is missing or stale (the package test installs the .deb
     * into it: a clean Debian without Java); {@code dockerEndpoint} goes to the docker CLI's import.
     */
    public void ensureBase(String dockerEndpoint) {
        if (!baseUpToDate()) {
            new BaseImageBuilder(dockerEndpoint, progress).build();
        }
    }

    /** Builds each missing image; with {@code rebuild} all of them (the base image too). */
    public void ensure(boolean rebuild) {
        boolean baseReady = !rebuild && baseUpToDate();
        for (ImageRecipe recipe : ImageRecipe.all()) {
            if (!rebuild && upToDate(recipe)) {
                continue;
            }
            if (recipe.baseImage() && !baseReady) {
                new BaseImageBuilder(endpoint, progress).build();
                baseReady = true;
            }
            progress.accept(Messages.t("sandbox.progress.build", recipe.image()));
            build(recipe);
        }
    }

    /** Removes every sandbox image that exists; images still used by a container are reported and kept. */
    public void removeAll() {
        List<String> images = new ArrayList<>(allImages());
        Collections.reverse(images);
        for (String image : images) {
            if (exists(image)) {
                try {
                    client.removeImageCmd(image).exec();
                    progress.accept(Messages.t("sandbox.progress.imageRemoved", image));
                } catch (RuntimeException e) {
                    progress.accept(Messages.t("sandbox.progress.imageKept", image, e.getMessage()));
                }
            }
        }
    }

    private void build(ImageRecipe recipe) {
        Path context = null;
        try {
            context = Files.createTempDirectory("edm-sandbox-build");
            writeContext(recipe, context);
            var cmd = buildClient.buildImageCmd(context.toFile())
                    .withTags(Set.of(recipe.image()))
                    .withPull(false)
                    .withRemove(true)
                    .withLabels(Map.of(SandboxSpec.LABEL, "true", SandboxSpec.LABEL_RECIPE, recipe.fingerprint()));
            recipe.buildArgs().forEach(cmd::withBuildArg);
            BuildImageResultCallback callback = cmd.exec(new BuildImageResultCallback());
            callback.awaitImageId(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (DockerClientException | IOException e) {
            throw new SandboxException("sandbox.error.build", recipe.image(), e.getMessage());
        } finally {
            deleteTree(context);
        }
    }

    static void writeContext(ImageRecipe recipe, Path context) throws IOException {
        for (String file : recipe.files()) {
            String text = resource(recipe.resources() + "/" + file)
                    .replace("@VERSION@", recipe.version())
                    .replace("@BASE_IMAGE@", SandboxSpec.BASE_IMAGE);
            Files.writeString(context.resolve(file), text, StandardCharsets.UTF_8);
        }
        if (recipe.busybox()) {
            Files.copy(BusyboxBinary.require(), context.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SandboxImages.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IOException("missing resource sandbox/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp dir is harmless.
        }
    }
}
