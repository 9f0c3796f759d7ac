package edm.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engines:}, {@code docker.name} and {@code docker.tls}: every problem one line with its key, line and what to do. */
class EnginesConfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    private static List<String> problemLines(LoadedConfig loaded) {
        return loaded.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void wellFormedEnginesLoadWithTheirSettings() throws IOException {
        Path ca = write("tls/ca.pem", "x");
        Path cert = write("tls/cert.pem", "x");
        Path key = write("tls/key.pem", "x");
        Path other = write("app2.yml", "project: edm\n");
        Path sshConfig = write("ssh_config", "Host *\n");
        Path f = write("c.yml", """
                docker:
                  name: main
                engines:
                  - name: app2
                    endpoint: ssh://ubuntu@10.0.0.6:2222
                    socket: /run/user/1000/docker.sock
                    sshConfig: %s
                    config: %s
                  - name: staging
                    endpoint: tcp://10.0.0.7:2376
                    tls: {ca: %s, cert: %s, key: %s}
                  - name: other-socket
                    endpoint: unix:///tmp/other/docker.sock
                """.formatted(sshConfig, other, ca, cert, key));
        LoadedConfig loaded = ConfigLoader.loadFile(f);
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        ConsoleConfig c = loaded.config();
        assertEquals("main", c.docker.name);
        assertEquals(3, c.engines.size());
        assertEquals("/run/user/1000/docker.sock", c.engines.get(0).socket);
        assertEquals(ca.toString(), c.engines.get(1).tls.ca);
        assertEquals("/var/run/docker.sock", c.engines.get(2).socket);
    }

    @Test
    void eachProblemIsOneLineNamingTheKeyAndWhatToDo() throws IOException {
        Path ca = write("ca.pem", "x");
        Path f = write("c.yml", """
                docker:
                  name: local
                  tls:
                    ca: %s
                engines:
                  - name: local
                    endpoint: ssh://-oProxyCommand=evil
                  - endpoint: tcp://10.0.0.7:2376
                    tls:
                      ca: %s
                      cert: relative/cert.pem
                  - name: has space
                    endpoint: unix:///tmp/docker.sock
                    socket: /other.sock
                    sshConfig: /etc/ssh/ssh_config
                  - name: far
                    endpoint: ssh://ubuntu@10.0.0.6
                    tls: {ca: %s, cert: %s, key: %s}
                    config: /nowhere/app.yml
                  - name: http
                    endpoint: http://10.0.0.8:2375
                  - name: tcp-no-port
                    endpoint: tcp://10.0.0.8:99999
                  - name: noend
                """.formatted(ca, ca, ca, ca, ca));
        assertEquals(List.of(
                f + ":3: docker.tls: is for tcp:// engines only, expected no tls for docker.endpoint \"\": remove it, or use a tcp://host:port endpoint",
                f + ":6: engines[0].name: 'local' is already used by docker.name, expected unique names",
                f + ":7: engines[0].endpoint: 'ssh://-oProxyCommand=evil' is not an engine endpoint, expected unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host[:port]",
                f + ":8: engines[1].name: is missing, expected a name for every entry",
                f + ":9: engines[1].tls.key: is missing, expected the ca, cert and key files together (or none of them)",
                f + ":11: engines[1].tls.cert: 'relative/cert.pem' is a relative path, expected an absolute path like /opt/edm",
                f + ":12: engines[2].name: 'has space' is not a valid engine name, expected letters, digits, '.', '_' or '-' (up to 63), starting with a letter or digit",
                f + ":14: engines[2].socket: is for ssh:// engines only, expected it removed for unix:///tmp/docker.sock",
                f + ":15: engines[2].sshConfig: is for ssh:// engines only, expected it removed for unix:///tmp/docker.sock",
                f + ":18: engines[3].tls: is for tcp:// engines only, expected no tls for ssh://ubuntu@10.0.0.6: remove it, or use a tcp://host:port endpoint",
                f + ":19: engines[3].config: '/nowhere/app.yml' does not exist or is not a file, expected that engine's config file: create it, or remove config to use this file",
                f + ":21: engines[4].endpoint: 'http://10.0.0.8:2375' is not an engine endpoint, expected unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host[:port]",
                f + ":23: engines[5].endpoint: 'tcp://10.0.0.8:99999' is not an engine endpoint, expected unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host[:port]",
                f + ":24: engines[6].endpoint: is missing, expected a endpoint for every entry"), problemLines(ConfigLoader.loadFile(f)));
    }

    @Test
    void aMistypedEngineKeyIsSuggested() throws IOException {
        Path f = write("c.yml", """
                engines:
                  - name: app2
                    endpoint: ssh://ubuntu@10.0.0.6
                    sshconfig: /etc/ssh/ssh_config
                """);
        List<String> lines = problemLines(ConfigLoader.loadFile(f));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(f + ":4: engines[0].sshconfig: ") && lines.get(0).contains("sshConfig"), lines.get(0));
    }

    @Test
    void theCopyForAnotherEngineKeepsTheSettingsAndTakesTheEngine() {
        ConsoleConfig main = new ConsoleConfig();
        main.project = "gloda";
        main.engines.add(new ConsoleConfig.EngineSettings("app2", "ssh://u@h"));
        ConsoleConfig copy = main.forEngine("app2", "unix:///tmp/x.sock", null);
        assertEquals("gloda", copy.project);
        assertEquals("unix:///tmp/x.sock", copy.docker.endpoint);
        assertEquals("app2", copy.docker.name);
        assertEquals(List.of(), copy.engines);
        assertEquals("", main.docker.endpoint, "the main config is left as it was");
        assertEquals(1, main.engines.size());
    }
}
