package edm.console.workflow;

import edm.console.backup.AtomicFile;
import edm.console.docker.ContainerGateway;
import edm.console.workflow.BoundedExec.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ProxySwitch} on the stack's nginx: the include files live in the project dir (nginx/upstreams/,
 * mounted into the nginx container as a directory, so that a rename is seen), the commands run in the nginx
 * container by docker exec, each bounded by {@link #EXEC_SECONDS}.
 */
public final class NginxSwitch implements ProxySwitch {
    static final long EXEC_SECONDS = 15;
    private static final Pattern STATUS = Pattern.compile("(?:HTTP/\\d(?:\\.\\d)?\\s+)?(\\d{3})\\b");
    /**
     * GET $1, printing the HTTP status line or code: with curl, else wget (busybox or GNU, -S prints the
     * headers), else bash's /dev/tcp: the nginx image is not required to carry any one of them.
     */
    private static final String PROBE = """
            u="$1"
            if command -v curl >/dev/null 2>&1; then curl -s -o /dev/null -m 3 -w '%{http_code}' "$u"; exit 0; fi
            if command -v wget >/dev/null 2>&1; then wget -q -S -O /dev/null -T 3 "$u" 2>&1 | grep -m1 'HTTP/'; exit 0; fi
            hp=${u#http://}; hp=${hp%%/*}; path=/${u#http://*/}; [ "$path" = "/$u" ] && path=/
            exec bash -c 'exec 3<>/dev/tcp/$0/$1 && printf "GET %s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n" "$2" "$0" >&3 && head -n1 <&3' \
                "${hp%:*}" "${hp##*:}" "$path"
            """;
    private static final String WORKERS = "for d in /proc/[0-9]*; do case \"$(tr '\\0' ' ' < $d/cmdline 2>/dev/null)\" in"
            + " 'nginx: worker process'*) echo ${d#/proc/};; esac; done";

    private final ContainerGateway gateway;
    private final Path upstreamDir;
    private final String container;

    /** {@code upstreamDir}: the project dir's nginx/upstreams; {@code container}: the nginx container's name. */
    public NginxSwitch(ContainerGateway gateway, Path upstreamDir, String container) {
        this.gateway = gateway;
        this.upstreamDir = upstreamDir;
        this.container = container;
    }

    @Override
    public Path file(String service) {
        return upstreamDir.resolve(service + ".conf");
    }

    @Override
    public Optional<String> read(String service) {
        try {
            return Optional.of(Files.readString(file(service)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.switch.io", file(service), e.getMessage()));
        }
    }

    @Override
    public void write(String service, String content) {
        try {
            AtomicFile.write(file(service), content);
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.switch.io", file(service), e.getMessage()));
        }
    }

    @Override
    public List<String> test() {
        Result r = exec(List.of("nginx", "-t"));
        return r.code() == 0 ? List.of() : r.lines();
    }

    @Override
    public void reload() {
        Result r = exec(List.of("nginx", "-s", "reload"));
        if (r.code() != 0) {
            throw new WorkflowException(WorkflowText.t("workflow.switch.reloadFailed", container, r.code(), String.join("; ", r.lines())),
                    r.lines());
        }
    }

    @Override
    public Set<Long> workers() {
        Result r = exec(List.of("sh", "-c", WORKERS));
        Set<Long> pids = new TreeSet<>();
        for (String l : r.out().split("\n")) {
            if (l.strip().matches("\\d+")) {
                pids.add(Long.parseLong(l.strip()));
            }
        }
        return pids;
    }

    @Override
    public Optional<String> probe(String url) {
        Result r;
        try {
            r = exec(List.of("sh", "-c", PROBE, "probe", url));
        } catch (WorkflowException e) {
            return Optional.of(e.getMessage());
        }
        Matcher m = STATUS.matcher(r.out());
        if (!m.find()) {
            String why = (r.out() + " " + r.err()).trim();
            return Optional.of(WorkflowText.t("workflow.switch.noAnswer", container, why.isEmpty() ? "exit " + r.code() : why));
        }
        int code = Integer.parseInt(m.group(1));
        if (code == 0) {
            // curl's 000: no HTTP answer at all (refused, unknown host, timeout)
            return Optional.of(WorkflowText.t("workflow.switch.noAnswer", container, url));
        }
        return code >= 200 && code < 400 ? Optional.empty() : Optional.of("HTTP " + code);
    }

    private static String label(List<String> argv) {
        if ("sh".equals(argv.get(0))) {
            return argv.get(2) == PROBE ? "probe" : "worker list";
        }
        return String.join(" ", argv);
    }

    /** docker exec, cut after {@link #EXEC_SECONDS}. */
    private Result exec(List<String> argv) {
        return BoundedExec.run(gateway, container, argv, EXEC_SECONDS, label(argv));
    }
}
