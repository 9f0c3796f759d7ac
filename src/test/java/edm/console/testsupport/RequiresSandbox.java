package edm.console.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs the sandbox stack up and healthy (implies {@link RequiresDocker}). Before each test
 * class it makes sure the shared sandbox is up (building images on the first run); get its details from
 * {@link SandboxFixture#up()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({DockerEngine.class, SandboxFixture.class})
public @interface RequiresSandbox {
}
