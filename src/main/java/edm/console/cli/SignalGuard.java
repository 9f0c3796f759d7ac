package edm.console.cli;

/**
 * Ignores SIGHUP for the rest of the process: a workflow in flight must finish or roll back even when
 * the SSH session that started it drops. Through reflection because sun.misc.Signal is an unsupported
 * API (it may be missing on some JVMs; then the default, exit on SIGHUP, stays and the journal is the net).
 */
final class SignalGuard {
    private SignalGuard() {
    }

    static void ignoreHangup() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object ignore = handler.getField("SIG_IGN").get(null);
            Object hup = signal.getConstructor(String.class).newInstance("HUP");
            signal.getMethod("handle", signal, handler).invoke(null, hup, ignore);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not available: the journal still lets the next start recover.
        }
    }
}
