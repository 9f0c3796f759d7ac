package edm.console.security;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Security contexts on fixture trees: a root under src/test/resources/security, a project dir, canned host programs. */
final class Fixtures {
    static final List<String> STACK = List.of("edm-postgres-prod", "edm-redis-prod", "edm-backend-prod", "edm-frontend-prod",
            "edm-nginx-prod");

    private Fixtures() {
    }

    static Path resource(String name) {
        URL u = Fixtures.class.getResource("/security/" + name);
        if (u == null) {
            throw new IllegalArgumentException("no fixture security/" + name);
        }
        try {
            return Path.of(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SecurityContext context(Path root, Path project, SecuritySettings s, HostCommands commands,
                                   ContainerFacts.Listing containers, Clock clock) {
        return new SecurityContext(root, s, project, project.resolve(".env.production"), project.resolve("state/security"), clock,
                commands, () -> containers, STACK, "edm-nginx-prod", "edm_edm-network", ContainerCommands.NONE, ImageSource.NONE, List.of(), "", false);
    }

    /** For the secrets' search: the engine's containers and their images, and the backup dirs left out. */
    static SecurityContext context(Path project, ContainerFacts.Listing containers, ImageSource images, List<Path> backupDirs) {
        SecuritySettings s = new SecuritySettings();
        s.deployUser = System.getProperty("user.name");
        return new SecurityContext(project, s, project, project.resolve(".env.production"), project.resolve("state/security"),
                Clock.SYSTEM, HostCommands.NONE, () -> containers, STACK, "edm-nginx-prod", "edm_edm-network", ContainerCommands.NONE,
                images, backupDirs, "", false);
    }

    static SecurityContext context(Path root, Path project) {
        return context(root, project, new SecuritySettings(), HostCommands.NONE, ContainerFacts.Listing.of(List.of()), Clock.SYSTEM);
    }

    static Finding only(List<Finding> findings, String rule) {
        List<Finding> f = findings.stream().filter(x -> x.rule().equals(rule)).toList();
        if (f.size() != 1) {
            throw new AssertionError("expected one finding " + rule + ", got " + findings);
        }
        return f.get(0);
    }
}
