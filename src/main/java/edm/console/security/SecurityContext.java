package edm.console.security;

import edm.console.config.ConsoleConfig;
import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a rule reads from: the host's files under {@code root}, the project (env file, state dir),
 * host programs and the engine's containers. Built by {@link #from} for the host, directly in tests.
 *
 * @param edmContainers  the stack's container names (config services)
 * @param nginxContainer the container allowed to publish the entry ports on every address
 * @param network        the stack's network (SPEC-006: edm_edm-network)
 * @param containerCommands programs inside a container (nginx -T in the nginx container)
 * @param images         the images' config and history (the secrets rule searches them for the env file's values)
 * @param backupDirs     left out of the search for secret values in the project's files (encrypted or dumps: big, and not code)
 * @param siteUrl        the site as visitors reach it (health.urls' frontend, else the first), for the header rules
 * @param criticalOnly   for {@code check}: rules may skip what can only be a warning (secrets' ages, public
 *                       listeners), since check reports the critical findings alone and runs every 5 minutes
 */
public record SecurityContext(Path root, SecuritySettings settings, Path projectDir, Path envFile, Path stateDir, Clock clock,
                              HostCommands commands, Supplier<ContainerFacts.Listing> containers, List<String> edmContainers,
                              String nginxContainer, String network, ContainerCommands containerCommands,
                              ImageSource images, List<Path> backupDirs, String siteUrl, boolean criticalOnly) {
    /** apt-get -s upgrade on a slow mirror cache is the longest of the host programs. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    public SecurityContext {
        edmContainers = List.copyOf(edmContainers);
        backupDirs = List.copyOf(backupDirs);
    }

    /**
     * The stack container a container belongs to, or null for a foreign one: its own name, or a deploy's
     * NAME-new-STAMP and NAME-old-STAMP (the new container of a blue-green deploy, the kept previous one).
     */
    public String edmContainer(String name) {
        for (String c : edmContainers) {
            if (name.equals(c) || name.startsWith(c + "-new-") || name.startsWith(c + "-old-")) {
                return c;
            }
        }
        return null;
    }

    /** A host path (absolute, as on a server: /etc/ssh/sshd_config) under the root. */
    public Path host(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /**
     * The context the config describes. Host programs run only with the root "/": under a fixture root
     * they would describe this machine, not the tree the rules read.
     */
    public static SecurityContext from(ConsoleConfig config, Supplier<ContainerFacts.Listing> containers, ContainerCommands inContainers,
                                       ImageSource images, Clock clock) {
        SecuritySettings s = config.security;
        Path root = Path.of(s.root);
        HostCommands commands = root.getParent() == null ? HostCommands.system(COMMAND_TIMEOUT) : HostCommands.NONE;
        String nginx = config.service("nginx").map(config::containerName).orElse("");
        return new SecurityContext(root, s, config.projectPath(), config.resolve(config.envFile), config.resolve(s.stateDir), clock,
                commands, once(containers), config.containerNames(), nginx, config.network, inContainers, images,
                List.of(config.resolve(config.backups.databaseDir), config.resolve(config.backups.filesDir)), site(config), false);
    }

    /** The same context for {@code check}: no host programs (the rules fall back to files or say UNKNOWN), critical findings only. */
    public SecurityContext forCheck() {
        return new SecurityContext(root, settings, projectDir, envFile, stateDir, clock, HostCommands.NONE, containers, edmContainers,
                nginxContainer, network, ContainerCommands.NONE, ImageSource.NONE, backupDirs, siteUrl, true);
    }

    private static String site(ConsoleConfig config) {
        return config.health.urls.stream().filter(u -> "frontend".equals(u.name)).map(u -> u.url).findFirst()
                .orElse(config.health.urls.isEmpty() ? "" : config.health.urls.get(0).url);
    }

    /** The engine is asked once per run, however many rules look at its containers. */
    static Supplier<ContainerFacts.Listing> once(Supplier<ContainerFacts.Listing> containers) {
        return new Supplier<>() {
            private ContainerFacts.Listing value;

            @Override
            public synchronized ContainerFacts.Listing get() {
                if (value == null) {
                    value = containers.get();
                }
                return value;
            }
        };
    }
}
