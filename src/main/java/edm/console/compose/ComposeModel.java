package edm.console.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console reads from the compose file: the project name and, per service, its image, container name,
 * networks and ports, interpolated from the env file as docker-compose does.
 *
 * @param envFile the env file the values came from (it may not exist)
 * @param env     the variables interpolation saw (env file, then the process environment over it, as compose does)
 * @param processVariables the names the process environment set (they win over the env file)
 */
public record ComposeModel(Path file, Path envFile, String project, List<Service> services, Map<String, String> env,
                           Set<String> processVariables) {
    public ComposeModel {
        services = List.copyOf(services);
        env = Map.copyOf(env);
        processVariables = Set.copyOf(processVariables);
    }

    /**
     * One service of the file.
     *
     * @param imageTemplate the {@code image:} value as written ({@code edm-backend:${BACKEND_TAG}}); empty without one
     * @param image         the same interpolated ({@code edm-backend:v1.1}); compose's {@code PROJECT_SERVICE} without one
     * @param imageLine     line of {@code image:} in the file, 0 when absent
     * @param containerName {@code container_name:}, empty when compose names the container itself
     */
    public record Service(String name, String imageTemplate, String image, int imageLine, String containerName,
                          List<String> networks, List<String> ports) {
        public Service {
            networks = List.copyOf(networks);
            ports = List.copyOf(ports);
        }
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The service whose container this is: by {@code container_name}, else by the compose service label. */
    public Optional<Service> serviceOfContainer(String containerName, Map<String, String> labels) {
        for (Service s : services) {
            if (!s.containerName().isEmpty() && s.containerName().equals(containerName)) {
                return Optional.of(s);
            }
        }
        if (project.equals(labels.get(ComposeLabels.PROJECT))) {
            return service(labels.getOrDefault(ComposeLabels.SERVICE, ""));
        }
        return Optional.empty();
    }
}
