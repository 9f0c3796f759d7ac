package edm.console.app;

import com.googlecode.lanterna.TextColor;
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
        Thread t = new Thread(() -> {
            try {
                ZoneId.systemDefault();
                TextColor.ANSI.DEFAULT.getForegroundSGRSequence();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the main thread meets (and reports) the same failure itself.
            }
        }, "edm-warmup");
        t.setDaemon(true);
        t.start();
    }
}
