package edm.console.live;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/** Collects what a monitor publishes and waits (with a generous deadline) for a condition on it. */
public final class MonitorProbe {
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private final AtomicReference<ContainersSnapshot> last = new AtomicReference<>();

    public void accept(ContainersSnapshot s) {
        last.set(s);
    }

    public ContainersSnapshot last() {
        return last.get();
    }

    public ContainersSnapshot await(String what, Predicate<ContainersSnapshot> condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            ContainersSnapshot s = last.get();
            if (s != null && condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return Assertions.fail("monitor never showed: " + what + "; last snapshot: " + last.get());
    }

    public static Optional<ContainerInfo> named(ContainersSnapshot s, String name) {
        return s.containers().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
