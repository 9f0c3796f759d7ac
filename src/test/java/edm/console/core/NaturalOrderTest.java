package edm.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    private static List<String> sorted(String... names) {
        List<String> l = new ArrayList<>(List.of(names));
        l.sort(NaturalOrder.INSTANCE);
        return l;
    }

    @Test
    void numbersInNamesCompareByValue() {
        assertEquals(List.of("peer-1", "peer-2", "peer-9", "peer-10", "peer-11", "peer-100"),
                sorted("peer-10", "peer-2", "peer-100", "peer-1", "peer-11", "peer-9"));
        assertEquals(List.of("db2-replica3", "db2-replica12", "db10-replica1"), sorted("db10-replica1", "db2-replica12", "db2-replica3"));
    }

    @Test
    void textComparesIgnoringCaseAndShorterFirst() {
        assertEquals(List.of("api", "Api-2", "worker"), sorted("worker", "Api-2", "api"));
        assertEquals(List.of("peer", "peer-1"), sorted("peer-1", "peer"));
    }

    @Test
    void theOrderIsTotalAndConsistent() {
        assertTrue(NaturalOrder.INSTANCE.compare("peer-02", "peer-2") != 0, "different names never compare equal");
        assertEquals(List.of("peer-2", "peer-02", "peer-3"), sorted("peer-3", "peer-02", "peer-2"));
        String huge = "n-" + "9".repeat(40);
        assertEquals(List.of("n-10", huge), sorted(huge, "n-10"), "longer than a long: still by value");
        assertEquals(List.of("A", "a"), sorted("a", "A"));
    }
}
