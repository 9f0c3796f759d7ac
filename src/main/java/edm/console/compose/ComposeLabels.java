package edm.console.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels docker-compose 1.29 finds a service's containers by and decides on re-creating with
 * (compose/service.py): {@code up} lists the containers labelled project + service + oneoff=False, and
 * re-creates every one whose {@code config-hash} label differs from the hash of the service's config
 * (its options with the interpolated image, the image's id, networks...); it stops and removes any
 * container beyond the scale, even one with a matching hash. So a container the console creates must
 * carry the hash of the file as it will read after the write-back, and a container it keeps aside for
 * rollback must not carry these labels at all.
 */
public final class ComposeLabels {
    public static final String PREFIX = "com.docker.compose.";
    public static final String PROJECT = PREFIX + "project";
    public static final String SERVICE = PREFIX + "service";
    public static final String ONE_OFF = PREFIX + "oneoff";
    public static final String NUMBER = PREFIX + "container-number";
    public static final String VERSION = PREFIX + "version";
    public static final String CONFIG_HASH = PREFIX + "config-hash";
    /** The compose version the console writes when the replaced container names none (compose reads it for legacy names). */
    static final String COMPOSE_VERSION = "1.29.2";

    private ComposeLabels() {
    }

    public static boolean composeManaged(Map<String, String> labels) {
        return labels != null && labels.containsKey(PROJECT) && labels.containsKey(SERVICE);
    }

    /**
     * The labels of a container that replaces one with {@code old}: the same compose labels, with the config
     * hash compose will compute for the file after the write-back (none when it is unknown: compose then
     * re-creates the container, with the same image, on its next up).
     */
    public static Map<String, String> replacing(Map<String, String> old, String configHash) {
        Map<String, String> out = new LinkedHashMap<>(old);
        if (!composeManaged(old)) {
            return out;
        }
        out.putIfAbsent(ONE_OFF, "False");
        out.putIfAbsent(NUMBER, "1");
        out.putIfAbsent(VERSION, COMPOSE_VERSION);
        if (configHash == null || configHash.isBlank()) {
            out.remove(CONFIG_HASH);
        } else {
            out.put(CONFIG_HASH, configHash);
        }
        return out;
    }

    /** The labels of a container kept aside: no compose label, so that compose neither counts nor removes it. */
    public static Map<String, String> withoutCompose(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            if (!k.startsWith(PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
