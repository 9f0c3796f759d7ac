package edm.console.cli;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.docker.ContainerGateway;
import edm.console.security.ContainerFacts;
import edm.console.core.Threads;
import edm.console.security.HostCommands;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** The engine's containers as the security rules see them: ports from the list, networks and mounts from inspect. */
final class SecurityContainers {
    private SecurityContainers() {
    }

    static ContainerFacts.Listing read(ContainerGateway gw) {
        try {
            List<ContainerFacts> out = new ArrayList<>();
            for (ContainerInfo c : gw.listContainers()) {
                ContainerDetail d = gw.inspect(c.id());
                List<String> networks = d.networks().stream().map(ContainerDetail.NetworkAttachment::network).toList();
                // Mounts read "source -> destination (ro)"; the rules look at the host side.
                List<String> sources = d.mounts().stream().map(m -> m.split(" -> ", 2)[0]).toList();
                out.add(new ContainerFacts(c.name(), c.image(), c.running(), c.ports(), networks, d.privileged(), sources));
            }
            return ContainerFacts.Listing.of(out);
        } catch (RuntimeException e) {
            // Whatever the engine or its client throws, the rules that need it say UNKNOWN with it; the others still run.
            return ContainerFacts.Listing.unavailable(e.getMessage());
        }
    }

    /**
     * A program in a container (nginx -T), bounded: the exec streams until the program ends, so a hung one
     * is cut after {@code timeout} through the stopper the gateway hands out.
     */
    static HostCommands.Output exec(ContainerGateway gw, String container, List<String> argv, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Runnable> stopper = new AtomicReference<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(Threads.daemon("edm-security-exec"));
        Future<Long> run = runner.submit(() -> gw.exec(container, argv, List.of(), null, 0, out, err, stopper::set));
        try {
            long code = run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String stderr = err.toString(StandardCharsets.UTF_8).strip();
            return new HostCommands.Output((int) code, out.toString(StandardCharsets.UTF_8), stderr.lines().findFirst().orElse(""));
        } catch (TimeoutException e) {
            Runnable stop = stopper.get();
            if (stop != null) {
                stop.run();
            }
            return new HostCommands.Output(-1, "", String.join(" ", argv) + ": no answer in " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new HostCommands.Output(-1, "", String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostCommands.Output(-1, "", "interrupted");
        } finally {
            runner.shutdownNow();
        }
    }

    /** From a listing that has no inspect data (check's snapshot): ports only. */
    static ContainerFacts.Listing fromList(List<ContainerInfo> containers) {
        return ContainerFacts.Listing.of(containers.stream()
                .map(c -> new ContainerFacts(c.name(), c.image(), c.running(), c.ports(), List.of(), false, List.of())).toList());
    }
}
