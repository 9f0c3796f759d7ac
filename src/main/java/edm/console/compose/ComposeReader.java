package edm.console.compose;

import edm.console.config.ConfigProblem;
import edm.console.config.EnvFile;
import edm.console.config.LocatedYaml;
import edm.console.config.YamlNode;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a compose file the way docker-compose 1.29 does for what the console needs: {@code services:} with
 * image, container_name, networks and ports, every value interpolated from the env file (then the process
 * environment over it), and the project name ({@code COMPOSE_PROJECT_NAME}, else the file's dir name).
 * Every failure is one {@link ComposeException} line naming the file, the line and key, and what to do.
 */
public final class ComposeReader {
    private ComposeReader() {
    }

    /**
     * @param project    the configured project name, empty for compose's own rule
     * @param processEnv the environment compose would see on top of the env file
     */
    public static ComposeModel read(Path file, Path envFile, String project, Map<String, String> processEnv) {
        Map<String, String> env = env(envFile, processEnv);
        LocatedYaml yaml = LocatedYaml.parse(file);
        if (!yaml.problems().isEmpty()) {
            ConfigProblem p = yaml.problems().get(0);
            throw new ComposeException(Messages.t("compose.read.syntax", p.toString()));
        }
        YamlNode services = yaml.root() == null ? null : yaml.root().get("services");
        if (services == null || !services.isObject()) {
            throw new ComposeException(Messages.t("compose.read.noServices", file));
        }
        String name = projectName(file, project, env);
        List<ComposeModel.Service> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : services.properties()) {
            out.add(service(yaml, name, e.getKey(), e.getValue(), env));
        }
        return new ComposeModel(file, envFile, name, out, env, processEnv.keySet());
    }

    /** The env file's variables with the process environment over them (compose 1.29: os.environ wins). */
    static Map<String, String> env(Path envFile, Map<String, String> processEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        if (envFile != null && Files.isRegularFile(envFile)) {
            try {
                EnvFile.Parsed parsed = EnvFile.parse(envFile);
                if (!parsed.problems().isEmpty()) {
                    throw new ComposeException(Messages.t("compose.read.envLine", parsed.problems().get(0).toString()));
                }
                env.putAll(parsed.values());
            } catch (IOException e) {
                throw new ComposeException(Messages.t("compose.read.envUnreadable", envFile, e.getMessage()));
            }
        }
        env.putAll(processEnv);
        return env;
    }

    /** compose's get_project_name: the given name, else COMPOSE_PROJECT_NAME, else the dir's name; lowercase, [-_a-z0-9] only. */
    static String projectName(Path file, String configured, Map<String, String> env) {
        String raw = configured != null && !configured.isBlank() ? configured : env.get("COMPOSE_PROJECT_NAME");
        if (raw == null || raw.isBlank()) {
            Path dir = file.toAbsolutePath().normalize().getParent();
            raw = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
        }
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("[^-_a-z0-9]", "");
        return n.isEmpty() ? "default" : n;
    }

    private static ComposeModel.Service service(LocatedYaml yaml, String project, String name, YamlNode s, Map<String, String> env) {
        String key = "services." + name;
        if (s == null || !s.isObject()) {
            throw new ComposeException(Messages.t("compose.read.notMapping", yaml.file(), yaml.lineOf(key), key));
        }
        YamlNode imageNode = s.get("image");
        String template = imageNode == null || imageNode.isNull() ? "" : imageNode.asText();
        String image = template.isEmpty() ? project.replaceAll("^[_-]+", "") + "_" + name
                : interpolate(yaml, key + ".image", template, env);
        YamlNode cn = s.get("container_name");
        String containerName = cn == null || cn.isNull() ? "" : interpolate(yaml, key + ".container_name", cn.asText(), env);
        List<String> networks = new ArrayList<>();
        YamlNode nets = s.get("networks");
        if (nets == null) {
            networks.add("default");
        } else if (nets.isArray()) {
            for (int i = 0; i < nets.size(); i++) {
                networks.add(interpolate(yaml, key + ".networks[" + i + "]", nets.get(i).asText(), env));
            }
        } else if (nets.isObject()) {
            networks.addAll(nets.fieldNames());
        }
        List<String> ports = new ArrayList<>();
        YamlNode ps = s.get("ports");
        if (ps != null && ps.isArray()) {
            for (int i = 0; i < ps.size(); i++) {
                YamlNode p = ps.get(i);
                String text = p.isObject() ? p.path("published").asText() + ":" + p.path("target").asText() : p.asText();
                ports.add(interpolate(yaml, key + ".ports[" + i + "]", text, env));
            }
        }
        return new ComposeModel.Service(name, template, image, template.isEmpty() ? 0 : yaml.lineOf(key + ".image"), containerName,
                networks, ports);
    }

    private static String interpolate(LocatedYaml yaml, String key, String value, Map<String, String> env) {
        try {
            return Interpolation.interpolate(value, env);
        } catch (Interpolation.Failure f) {
            int line = yaml.lineOf(key);
            if (f.invalid()) {
                throw new ComposeException(Messages.t("compose.read.invalid", yaml.file(), line, key, value, "${NAME}", "${NAME:-default}"));
            }
            throw new ComposeException(Messages.t("compose.read.required", yaml.file(), line, key, f.variable(), f.getMessage()));
        }
    }
}
