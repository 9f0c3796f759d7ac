package edm.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, held by the build rather than by good intentions. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("edm.console");

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("edm.console.core..")
                .should().dependOnClassesThat().resideInAnyPackage("edm.console.config..", "edm.console.docker..",
                        "edm.console.host..", "edm.console.live..", "edm.console.ui..", "edm.console.cli..",
                        "edm.console.app..", "edm.console.sandbox..", "edm.console.i18n..", "edm.console.text..",
                        "com.googlecode.lanterna..", "com.github.dockerjava..", "oshi..", "picocli..")
                .check(MAIN);
    }

    @Test
    void onlyTheDockerAdapterAndSandboxTalkDockerJava() {
        noClasses().that().resideOutsideOfPackages("edm.console.docker..", "edm.console.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(MAIN);
    }

    @Test
    void onlyTheHostAdapterTalksOshi() {
        noClasses().that().resideOutsideOfPackage("edm.console.host..")
                .should().dependOnClassesThat().resideInAPackage("oshi..")
                .check(MAIN);
    }

    /**
     * The running console reads the host from /proc (HostMetrics, ProcHostReading): OSHI's SystemInfo
     * would load JNA and its native library into every console (classes, RSS) and list every veth of
     * every container through /sys on each rediscovery. OSHI's plain types (TickType) are fine.
     */
    @Test
    void noJnaAndNoOshiSystemInfoInTheConsole() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.sun.jna..").check(MAIN);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("oshi.SystemInfo").check(MAIN);
    }

    @Test
    void lanternaStaysInTheUiAndTheLauncher() {
        noClasses().that().resideOutsideOfPackages("edm.console.ui..", "edm.console.app..", "edm.console.text..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .check(MAIN);
    }

    @Test
    void uiNeverCallsTheEngineDirectly() {
        noClasses().that().resideInAPackage("edm.console.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("edm.console.docker..", "edm.console.host..",
                        "edm.console.live..", "edm.console.sandbox..", "edm.console.app..")
                .check(MAIN);
    }

    @Test
    void theLogLayerKnowsNoTerminalNoDockerJavaAndNoUi() {
        noClasses().that().resideInAPackage("edm.console.logs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "com.github.dockerjava..",
                        "edm.console.ui..", "edm.console.docker..", "edm.console.live..", "edm.console.app..", "edm.console.cli..")
                .check(MAIN);
    }

    @Test
    void checklistsAreDataAndRulesWithoutTerminalEngineOrUi() {
        noClasses().that().resideInAPackage("edm.console.checklist..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "org.jline..",
                        "com.github.dockerjava..", "edm.console.ui..", "edm.console.cli..", "edm.console.app..",
                        "edm.console.docker..", "edm.console.live..", "edm.console.sandbox..")
                .check(MAIN);
    }

    /** Security rules run the same from the CLI, check, a panel and a test: engine facts come in as plain records. */
    @Test
    void securityRulesAreRulesWithoutTerminalEngineOrUi() {
        noClasses().that().resideInAPackage("edm.console.security..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "org.jline..", "picocli..",
                        "com.github.dockerjava..", "edm.console.ui..", "edm.console.cli..", "edm.console.app..",
                        "edm.console.docker..", "edm.console.live..", "edm.console.sandbox..")
                .check(MAIN);
    }

    /** The schedule's files, run records and status are plain Java: the same from the CLI, check, the Backups panel and a test. */
    @Test
    void theScheduleKnowsNoTerminalEngineOrUi() {
        noClasses().that().resideInAPackage("edm.console.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "org.jline..", "picocli..",
                        "com.github.dockerjava..", "edm.console.ui..", "edm.console.cli..", "edm.console.app..",
                        "edm.console.docker..", "edm.console.live..", "edm.console.sandbox..")
                .check(MAIN);
    }

    /** The engine set opens engines for the CLI and the TUI alike: no terminal, no UI, no CLI, no docker-java of its own. */
    @Test
    void theEngineSetKnowsNoTerminalCliOrUi() {
        noClasses().that().resideInAPackage("edm.console.engines..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "org.jline..", "picocli..",
                        "com.github.dockerjava..", "edm.console.ui..", "edm.console.cli..", "edm.console.app..",
                        "edm.console.live..", "edm.console.sandbox..")
                .check(MAIN);
    }

    @Test
    void adaptersDoNotImportEachOtherOrTheUi() {
        for (String adapter : new String[] {"docker", "host", "config"}) {
            noClasses().that().resideInAPackage("edm.console." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("edm.console.ui..", "edm.console.app..",
                            "edm.console.cli..", "edm.console.live..")
                    .check(MAIN);
        }
    }
}
