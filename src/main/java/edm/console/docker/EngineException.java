package edm.console.docker;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;

/** A failed engine call with a one-line, operator-readable reason. */
public final class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public static EngineException of(String what, Throwable cause) {
        if (cause instanceof EngineException ee) {
            return ee;
        }
        return new EngineException(what + ": " + reason(cause), cause);
    }

    /** The engine's silence when that is why the call failed (a deadline passed), else null. */
    public static EngineNotAnsweringException notAnswering(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EngineNotAnsweringException n) {
                return n;
            }
        }
        return null;
    }

    /** The most telling message in the cause chain, on one line. */
    static String reason(Throwable t) {
        EngineNotAnsweringException silent = notAnswering(t);
        if (silent != null) {
            return silent.getMessage();
        }
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            root = c;
            if (c instanceof ConnectException || c instanceof NoSuchFileException || c instanceof SocketTimeoutException) {
                break;
            }
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer in time (" + oneLine(root.getMessage()) + ")";
        }
        if (root instanceof NoSuchFileException) {
            return "socket not found: " + oneLine(root.getMessage());
        }
        String msg = oneLine(root.getMessage());
        String top = oneLine(t.getMessage());
        if (msg.isEmpty()) {
            msg = top.isEmpty() ? root.getClass().getSimpleName() : top;
        }
        // docker-java's NotFoundException etc. carry the engine's JSON message: keep only its text.
        return msg.replaceAll("^Status \\d+: \\{\"message\":\"(.*)\"\\}$", "$1");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
