package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamsTest {
    @Test
    void pointsEveryServerLineAtTheHostKeepingPortAndParameters() {
        String f = "# managed\nupstream frontend {\n  server frontend:8001 weight=2;\n  server edm-frontend-prod:8001 backup;\n  keepalive 4;\n}\n";
        assertEquals("# managed\nupstream frontend {\n  server 0123456789ab:8001 weight=2;\n  server 0123456789ab:8001 backup;\n  keepalive 4;\n}\n",
                Upstreams.pointAt(f, "0123456789ab"));
        assertEquals(Optional.of("frontend"), Upstreams.host(f));
    }

    @Test
    void aFileWithoutServerLineHasNoHost() {
        assertTrue(Upstreams.host("upstream x {\n}\n").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Upstreams.pointAt("upstream x {}", "h"));
    }

    @Test
    void theAddressIsTheShortId() {
        assertEquals("0123456789ab", Upstreams.address("0123456789abcdef0123"));
    }

    @Test
    void theInternalHealthUrlKeepsPathAndQueryOnTheContainerPort() {
        assertEquals("http://abc:8002/api/health", Upstreams.internalUrl("https://tkmail.fun/api/health", "abc", 8002));
        assertEquals("http://abc:8001/", Upstreams.internalUrl("https://tkmail.fun", "abc", 8001));
        assertEquals("http://abc:8001/?full=1", Upstreams.internalUrl("http://127.0.0.1:18080/?full=1", "abc", 8001));
        assertEquals("http://abc:8001/", Upstreams.internalUrl("", "abc", 8001));
    }
}
