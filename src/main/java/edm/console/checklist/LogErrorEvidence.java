package edm.console.checklist;

import java.time.Duration;
import java.util.List;

/**
 * Where the "log errors" item learns how many error lines the logs hold over a window. With none
 * bound the item is UNKNOWN ("not available").
 */
@FunctionalInterface
public interface LogErrorEvidence {
    /** Error counts over the last {@code window}, one per source that had any ("backend: 3"). */
    List<SourceErrors> errorsSince(Duration window) throws Exception;

    record SourceErrors(String source, long errors) {
    }

    LogErrorEvidence NOT_AVAILABLE = w -> {
        throw new UnsupportedOperationException();
    };
}
