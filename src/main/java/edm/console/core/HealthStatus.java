package edm.console.core;

import java.util.Locale;

/** The container's own healthcheck result; NONE when the image defines no healthcheck. */
public enum HealthStatus {
    HEALTHY, UNHEALTHY, STARTING, NONE;

    public static HealthStatus parse(String engineHealth) {
        if (engineHealth == null || engineHealth.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(engineHealth.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
