package edm.console.app;

import java.lang.reflect.Modifier;
import java.nio.channels.spi.SelectorProvider;

/**
 * Names the JDK's own selector provider in {@value #PROPERTY} before anything opens a socket. Without
 * it, the first channel the console opens (the engine's unix socket, for the first frame's list) asks
 * the {@link java.util.ServiceLoader} for a provider, which opens every jar on the class path (~35) to
 * look for one: measured here, 584 ms against 157 ms to a connected socket under load, most of the
 * first list's time. The provider named is the one the JDK would fall back to on Linux.
 *
 * <p>Set only when that class is there, public, a provider and constructible without arguments (the JDK
 * instantiates it reflectively from its own module): a JDK without it keeps its own look-up, since a
 * provider that cannot be made would break every socket of the process.
 */
final class SelectorProviderChoice {
    static final String PROPERTY = "java.nio.channels.spi.SelectorProvider";
    static final String LINUX_DEFAULT = "sun.nio.ch.EPollSelectorProvider";

    private SelectorProviderChoice() {
    }

    /** Sets the property unless it is set already or the class is not usable; true when it is set now. */
    static boolean useJdkDefault() {
        if (System.getProperty(PROPERTY) != null || !usable(LINUX_DEFAULT)) {
            return false;
        }
        System.setProperty(PROPERTY, LINUX_DEFAULT);
        return true;
    }

    /** Whether the JDK can make a provider of this class from its property. */
    static boolean usable(String className) {
        try {
            Class<?> c = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
            return SelectorProvider.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers())
                    && Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
