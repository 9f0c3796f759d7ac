package edm.console.workflow;

import java.util.List;

/** A workflow stopped: one line for the operator plus the captured output that shows why. */
public class WorkflowException extends RuntimeException {
    private final List<String> output;

    public WorkflowException(String message, List<String> output) {
        super(message);
        this.output = List.copyOf(output);
    }

    public WorkflowException(String message) {
        this(message, List.of());
    }

    public List<String> output() {
        return output;
    }
}
