package edm.console.workflow;

import edm.console.config.ConsoleConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long docker stop waits between SIGTERM and SIGKILL, per service ({@code services[].stopSeconds}),
 * with the default ({@code deploy.stopGraceSeconds}) for services that set none.
 */
public record StopGrace(int defaultSeconds, Map<String, Integer> byService) {
    public StopGrace {
        byService = Map.copyOf(byService);
    }

    public static StopGrace uniform(int seconds) {
        return new StopGrace(seconds, Map.of());
    }

    public static StopGrace of(ConsoleConfig config) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (ConsoleConfig.ServiceConfig s : config.services) {
            if (s.name != null) {
                m.put(s.name, config.stopSeconds(s));
            }
        }
        return new StopGrace(config.deploy.stopGraceSeconds, m);
    }

    public int seconds(String service) {
        return byService.getOrDefault(service, defaultSeconds);
    }
}
