package edm.console.security;

import java.util.List;

/** A program run inside a container (docker exec), bounded by a timeout; the cli wires it to the container gateway. */
@FunctionalInterface
public interface ContainerCommands {
    HostCommands.Output run(String container, List<String> argv);

    ContainerCommands NONE = (container, argv) -> HostCommands.Output.notRun("no engine");
}
