package edm.console.docker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's read path (the console watching: list, inspect, events, logs, stats) loads no docker-java,
 * httpclient5, guava or Jackson databind: some 1,500 classes of memory and CPU a watching console does not
 * need. Only the docker-java adapter classes below may use them, and the lean client does not reach those.
 */
class ReadPathArchitectureTest {
    private static final JavaClasses DOCKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("edm.console.docker");

    /** The classes built on docker-java: writes, the deploy operations, and reads on endpoints the lean client cannot serve. */
    private static final Set<String> DOCKER_JAVA_ADAPTER = Set.of(DockerJavaOps.class.getName(), DockerJavaReads.class.getName(),
            ContainerMapper.class.getName(), DockerClients.class.getName(), DeadlineHttpClient.class.getName(),
            DeployOps.class.getName(), ContainerExec.class.getName(), ImageNames.class.getName(), PemFilesSslConfig.class.getName());

    /** The lean read path itself. */
    private static final Set<String> LEAN = Set.of(LeanEngine.class.getName(), EngineHttp.class.getName(),
            EngineJson.class.getName(), JsonContainers.class.getName(), ContainerRows.class.getName(), FirstList.class.getName(),
            EngineReads.class.getName(), CpuMemorySample.class.getName(), ContainerGateway.class.getName());

    private static DescribedPredicate<JavaClass> in(Set<String> names, String description) {
        return DescribedPredicate.describe(description, c -> names.contains(topLevel(c)));
    }

    private static String topLevel(JavaClass c) {
        String n = c.getName();
        int dollar = n.indexOf('$');
        return dollar < 0 ? n : n.substring(0, dollar);
    }

    @Test
    void onlyTheDockerJavaAdapterUsesDockerJavaAndWhatItBringsAlong() {
        noClasses().that().resideInAPackage("edm.console.docker..")
                .and(DescribedPredicate.not(in(DOCKER_JAVA_ADAPTER, "the docker-java adapter")))
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "org.apache.hc..",
                        "com.google.common..", "com.fasterxml.jackson.databind..")
                .check(DOCKER);
    }

    @Test
    void theLeanReadPathDoesNotReachTheDockerJavaAdapter() {
        // ContainerGateway builds DockerJavaOps on the first write (or for a TLS endpoint); nothing else on the
        // read path may name an adapter class, or reading would load docker-java again.
        noClasses().that(in(LEAN, "the lean read path"))
                .and().doNotHaveFullyQualifiedName(ContainerGateway.class.getName())
                .should().dependOnClassesThat(in(DOCKER_JAVA_ADAPTER, "the docker-java adapter"))
                .check(DOCKER);
        noClasses().that().haveFullyQualifiedName(ContainerGateway.class.getName())
                .should().dependOnClassesThat(in(Set.of(DockerJavaReads.class.getName(), ContainerMapper.class.getName(),
                        DockerClients.class.getName(), DeadlineHttpClient.class.getName(), ContainerExec.class.getName(),
                        ImageNames.class.getName()), "docker-java's reads"))
                .check(DOCKER);
    }
}
