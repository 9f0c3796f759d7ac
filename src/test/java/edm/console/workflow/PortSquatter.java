package edm.console.workflow;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.TestImages;

/** A busybox container that publishes a host port, to play "something else holds the port". */
final class PortSquatter {
    static final String NAME = "edm-deploy-it-squatter";

    private PortSquatter() {
    }

    static String start(int hostPort) {
        remove(NAME);
        ExposedPort p = ExposedPort.tcp(9999);
        Ports b = new Ports();
        b.bind(p, Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        String id = DockerEngine.client().createContainerCmd(TestImages.busybox()).withName(NAME).withExposedPorts(p)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(b)).exec().getId();
        DockerEngine.client().startContainerCmd(id).exec();
        return id;
    }

    static void remove(String idOrName) {
        try {
            DockerEngine.client().removeContainerCmd(idOrName).withForce(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException ignored) {
            // not there
        }
    }
}
