package edm.console.cli;

import edm.console.checklist.SecurityEvidence;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.engines.EngineSet;
import edm.console.security.SecurityReport;
import edm.console.security.SecurityRules;
import java.time.Duration;

/**
 * The checklists' security evidence: SPEC-006's rules run once, as {@code edm-console security} runs them, on
 * an engine connection of their own (opened only if a rule asks for the containers, closed after the run).
 */
public final class RulesSecurityEvidence implements SecurityEvidence {
    private final ConsoleConfig config;

    public RulesSecurityEvidence(ConsoleConfig config) {
        this.config = config;
    }

    @Override
    public SecurityReport report() {
        String endpoint = EngineEndpoint.resolve(config.docker.endpoint);
        Duration timeout = Duration.ofSeconds(config.docker.timeoutSeconds);
        ContainerGateway[] gateway = new ContainerGateway[1];
        try {
            return SecurityRules.spec().run(SecurityCommand.context(config, () -> {
                if (gateway[0] == null) {
                    gateway[0] = new ContainerGateway(endpoint, timeout, EngineSet.tlsFiles(config.docker.tls));
                }
                return gateway[0];
            }));
        } finally {
            if (gateway[0] != null) {
                gateway[0].close();
            }
        }
    }
}
