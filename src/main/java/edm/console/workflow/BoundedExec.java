package edm.console.workflow;

import edm.console.docker.ContainerGateway;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** docker exec cut after a deadline: the gateway's exec itself waits for the stream to end, however long. */
final class BoundedExec {
    private BoundedExec() {
    }

    /** What a command printed and how it ended. */
    record Result(long code, String out, String err) {
        /** Its non-blank lines, stderr first (where tools say why). */
        List<String> lines() {
            List<String> all = new ArrayList<>();
            for (String l : (err + "\n" + out).split("\n")) {
                if (!l.isBlank()) {
                    all.add(l.strip());
                }
            }
            return all;
        }
    }

    /** Runs {@code argv} in {@code container}; {@code label} names it in the failure messages. */
    static Result run(ContainerGateway gateway, String container, List<String> argv, long seconds, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Runnable> stopper = new AtomicReference<>();
        CompletableFuture<Long> f = CompletableFuture.supplyAsync(
                () -> gateway.exec(container, argv, List.of(), null, 0, out, err, stopper::set));
        try {
            long code = f.get(seconds, TimeUnit.SECONDS);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            Runnable s = stopper.get();
            if (s != null) {
                s.run();
            }
            f.cancel(true);
            throw new WorkflowException(WorkflowText.t("workflow.switch.execTimeout", label, container, seconds));
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new WorkflowException(WorkflowText.t("workflow.switch.execFailed", label, container, c.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
        }
    }
}
