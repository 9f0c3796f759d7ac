package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.spi.SelectorProvider;
import org.junit.jupiter.api.Test;

/** The provider named for the JDK is the one it uses anyway on Linux, and nothing unusable is ever named. */
class SelectorProviderChoiceTest {
    @Test
    void theNamedProviderIsTheOneTheJdkFallsBackToOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the JDK's provider is named on Linux only");
        assertTrue(SelectorProviderChoice.usable(SelectorProviderChoice.LINUX_DEFAULT));
        assertTrue(SelectorProvider.provider().getClass().getName().equals(SelectorProviderChoice.LINUX_DEFAULT),
                SelectorProvider.provider().getClass().getName());
    }

    @Test
    void aClassThatIsMissingNotAProviderOrNotPublicIsNeverNamed() {
        assertFalse(SelectorProviderChoice.usable("sun.nio.ch.NoSuchSelectorProvider"));
        assertFalse(SelectorProviderChoice.usable("java.lang.String"), "not a provider");
        assertFalse(SelectorProviderChoice.usable("sun.nio.ch.SelectorProviderImpl"), "abstract, no public constructor");
    }
}
