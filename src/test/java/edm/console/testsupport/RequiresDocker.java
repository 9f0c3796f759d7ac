package edm.console.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs a reachable Docker engine: skipped with the reason when there is none, failed instead
 * when EDM_REQUIRE_DOCKER=1 (CI). Use {@link DockerEngine#client()} inside.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngine.class)
public @interface RequiresDocker {
}
