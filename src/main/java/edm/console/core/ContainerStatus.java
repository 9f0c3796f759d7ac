package edm.console.core;

import java.util.Locale;

/** Docker's container states, plus UNKNOWN for anything the engine reports that we do not know. */
public enum ContainerStatus {
    RUNNING, RESTARTING, PAUSED, CREATED, EXITED, REMOVING, DEAD, UNKNOWN;

    public static ContainerStatus parse(String engineState) {
        if (engineState == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(engineState.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
