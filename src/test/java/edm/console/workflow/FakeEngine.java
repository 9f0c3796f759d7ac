package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** An in-memory engine: containers by id with name, image, running and health; records every call. */
final class FakeEngine implements WorkflowEngine {
    static final class C {
        String id;
        String name;
        String image;
        boolean running;
        String health = "";
        List<String> ports = List.of();
    }

    final Map<String, C> containers = new LinkedHashMap<>();
    final Map<String, String> images = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** Every stop and restart with the grace it was given: "stop NAME SECONDS". */
    final List<String> graces = new ArrayList<>();
    /** Images whose containers become unhealthy when started. */
    final List<String> brokenImages = new ArrayList<>();
    RuntimeException failCreate;
    /** Non-null: a started container's engine health stays this (e.g. "starting", as before its first interval). */
    String healthAfterStart;
    /** What running a container's health check now gives, in order (the last repeats); empty: none to run. */
    final List<CheckRun> checkRuns = new ArrayList<>();
    private int next;

    C add(String name, String image, boolean running) {
        C c = new C();
        c.id = "id" + next++;
        c.name = name;
        c.image = image;
        c.running = running;
        c.health = running ? "healthy" : "";
        containers.put(c.id, c);
        if (!image.startsWith("sha256:")) {
            // A new tag gets an id; an id is its own.
            images.putIfAbsent(image, "sha256:" + image.hashCode());
        }
        return c;
    }

    Optional<C> find(String idOrName) {
        C c = containers.get(idOrName);
        if (c != null) {
            return Optional.of(c);
        }
        return containers.values().stream().filter(x -> x.name.equals(idOrName)).findFirst();
    }

    C byName(String name) {
        return find(name).orElseThrow();
    }

    /** The image argument of every createLike, in order. */
    final List<String> createdFrom = new ArrayList<>();

    @Override
    public Optional<DeployOps.State> state(String idOrName) {
        return find(idOrName).map(c -> new DeployOps.State(c.id, c.name, images.getOrDefault(c.image, c.image), c.image, c.running,
                true, c.health, 0, brokenImages.contains(c.image) ? List.of("exit 1: HTTP 500") : List.of(), c.ports));
    }

    @Override
    public Optional<String> imageId(String ref) {
        if (images.containsValue(ref)) {
            return Optional.of(ref);
        }
        return Optional.ofNullable(images.get(ref));
    }

    @Override
    public String createLike(String from, String newName, String image) {
        calls.add("create " + newName);
        if (failCreate != null) {
            throw failCreate;
        }
        createdFrom.add(image);
        // Like the engine: the container records what it was created from, a tag or an id.
        C c = add(newName, image, false);
        c.ports = byName(from).ports;
        return c.id;
    }

    /** Whether each created container publishes its host ports, by name at creation. */
    final Map<String, Boolean> hostPortsOf = new LinkedHashMap<>();
    /** Run after every call that changes something (a test checks an invariant there, e.g. nginx's target runs). */
    Runnable afterChange = () -> { };
    /** Thrown by stop when set: a test's stand-in for the process dying there (an Error is caught by no step). */
    Error dieOnStop;

    @Override
    public String createLike(String from, String newName, String image, boolean hostPorts,
                             UnaryOperator<Map<String, String>> relabel) {
        String id = createLike(from, newName, image);
        hostPortsOf.put(newName, hostPorts);
        if (!hostPorts) {
            byName(newName).ports = List.of();
        }
        return id;
    }

    @Override
    public void rename(String id, String newName) {
        calls.add("rename " + find(id).orElseThrow().name + " " + newName);
        if (find(newName).isPresent()) {
            throw new IllegalStateException("name in use: " + newName);
        }
        find(id).orElseThrow().name = newName;
        afterChange.run();
    }

    @Override
    public void start(String id) {
        C c = find(id).orElseThrow();
        calls.add("start " + c.name);
        if (c.running) {
            throw new IllegalStateException("already running (the engine answers 304)");
        }
        c.running = true;
        c.health = healthAfterStart != null ? healthAfterStart : brokenImages.contains(c.image) ? "unhealthy" : "healthy";
        afterChange.run();
    }

    @Override
    public Optional<CheckRun> runHealthcheck(String id) {
        calls.add("health check " + find(id).orElseThrow().name);
        if (checkRuns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checkRuns.size() > 1 ? checkRuns.remove(0) : checkRuns.get(0));
    }

    @Override
    public void stop(String id, int graceSeconds) {
        C c = find(id).orElseThrow();
        calls.add("stop " + c.name);
        if (dieOnStop != null) {
            throw dieOnStop;
        }
        graces.add("stop " + c.name + " " + graceSeconds);
        c.running = false;
        afterChange.run();
    }

    @Override
    public void restart(String id, int graceSeconds) {
        C c = find(id).orElseThrow();
        calls.add("restart " + c.name);
        graces.add("restart " + c.name + " " + graceSeconds);
        c.running = true;
    }

    @Override
    public void remove(String id) {
        C c = find(id).orElseThrow();
        calls.add("remove " + c.name);
        containers.remove(c.id);
        afterChange.run();
    }

    @Override
    public List<String> logTail(String id, int lines) {
        return List.of("last log line of " + id);
    }

    @Override
    public String build(Path context, String tag, Consumer<String> output) {
        calls.add("build " + tag);
        output.accept("Step 1/1 : FROM scratch");
        images.put(tag, "sha256:built" + tag.hashCode());
        return images.get(tag);
    }

    @Override
    public List<String> publishers(String hostPort, String exceptId) {
        return containers.values().stream().filter(c -> c.running && !c.id.equals(exceptId) && c.ports.contains(hostPort))
                .map(c -> c.name).toList();
    }

    @Override
    public List<String> containerNames() {
        return containers.values().stream().map(c -> c.name).toList();
    }
}
