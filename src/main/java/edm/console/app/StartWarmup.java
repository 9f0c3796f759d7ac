package edm.console.app;

import com.googlecode.lanterna.TextColor;
import edm.console.i18n.Messages;
import java.time.ZoneId;

/**
 * Work the first frame needs that depends on nothing the command line or the config says, done on a
 * thread of its own from launch on, while the main thread reads them: the system time zone (the clock and every age on
 * screen: the JDK reads and indexes its whole time-zone database, twice, which took the main thread
 * 100–200 ms under load before it could draw) and Lanterna's colour tables (the theme). Class
 * initialisation is the JVM's to share: the main thread waits for what is under way, never does it twice.
 * Every command gets it (they print times too); a command that needs neither spends a few ms of another core.
 */
final class StartWarmup {
    private StartWarmup() {
    }

    static void begin() {
        start("edm-warmup", () -> {
            ZoneId.systemDefault();
            TextColor.ANSI.DEFAULT.getForegroundSGRSequence();
        });
    }

    /** The strings of the language just chosen, read while the main thread parses the command line and the config. */
    static void messages(Messages messages) {
        start("edm-warmup-messages", messages::preload);
    }

    private static void start(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the main thread meets (and reports) the same failure itself.
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
