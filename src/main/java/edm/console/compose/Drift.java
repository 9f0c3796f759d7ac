package edm.console.compose;

import edm.console.core.ContainerInfo;
import edm.console.core.ImageRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the engine and the compose file disagree (pure): a service's container runs another image than the
 * file's, a service has no container, a container of the compose project is none of the file's services'
 * (a stray {@code docker run}, a second container of a service, a kept container compose would remove).
 */
public final class Drift {
    public enum Kind { IMAGE, MISSING, STRAY }

    /**
     * @param container the container's name; for MISSING the name the file gives it (or the service's)
     * @param expected  the file's image (IMAGE, MISSING), else empty
     * @param actual    the running image (IMAGE, STRAY), else empty
     */
    public record Finding(Kind kind, String service, String container, String expected, String actual) {
    }

    private Drift() {
    }

    public static List<Finding> of(ComposeModel model, List<ContainerInfo> containers) {
        List<Finding> out = new ArrayList<>();
        Map<String, ContainerInfo> byService = new LinkedHashMap<>();
        for (ComposeModel.Service s : model.services()) {
            match(model, s, containers).ifPresent(c -> byService.put(s.name(), c));
        }
        Set<String> matched = new HashSet<>();
        byService.values().forEach(c -> matched.add(c.id()));
        for (ComposeModel.Service s : model.services()) {
            ContainerInfo c = byService.get(s.name());
            if (c == null) {
                out.add(new Finding(Kind.MISSING, s.name(), s.containerName().isEmpty() ? s.name() : s.containerName(), s.image(), ""));
            } else if (!sameImage(s.image(), c.image())) {
                out.add(new Finding(Kind.IMAGE, s.name(), c.name(), s.image(), c.image()));
            }
        }
        for (ContainerInfo c : containers) {
            Map<String, String> l = c.labels();
            if (model.project().equals(l.get(ComposeLabels.PROJECT)) && !"True".equals(l.get(ComposeLabels.ONE_OFF))
                    && !matched.contains(c.id())) {
                out.add(new Finding(Kind.STRAY, l.getOrDefault(ComposeLabels.SERVICE, ""), c.name(), "", c.image()));
            }
        }
        return out;
    }

    /** The container by the file's container_name, else the project's container labelled with the service. */
    private static Optional<ContainerInfo> match(ComposeModel model, ComposeModel.Service s, List<ContainerInfo> containers) {
        if (!s.containerName().isEmpty()) {
            return containers.stream().filter(c -> c.name().equals(s.containerName())).findFirst();
        }
        return containers.stream().filter(c -> model.project().equals(c.labels().get(ComposeLabels.PROJECT))
                && s.name().equals(c.labels().get(ComposeLabels.SERVICE)) && !"True".equals(c.labels().get(ComposeLabels.ONE_OFF)))
                .findFirst();
    }

    /** Equal references, {@code edm-backend} and {@code edm-backend:latest} alike. */
    static boolean sameImage(String expected, String actual) {
        return ImageRef.parse(expected).toString().equals(ImageRef.parse(actual).toString());
    }

    /** The findings by container name (a STRAY and a MISSING never share one), for the Containers panel. */
    public static Map<String, Finding> byContainer(List<Finding> findings) {
        Map<String, Finding> m = new LinkedHashMap<>();
        findings.forEach(f -> m.putIfAbsent(f.container(), f));
        return m;
    }
}
