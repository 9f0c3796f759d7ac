package edm.console.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker-compose 1.29's interpolation (compose/config/interpolation.py), case by case. */
class InterpolationTest {
    static final Map<String, String> ENV = Map.of("TAG", "v1.1", "EMPTY", "", "REPO", "edm-backend", "lower_case", "x");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "edm-backend:${TAG}|edm-backend:v1.1",
            "edm-backend:$TAG|edm-backend:v1.1",
            "${REPO}:${TAG}|edm-backend:v1.1",
            "${MISSING}|''",
            "a${MISSING}b|ab",
            "${TAG:-v9}|v1.1",
            "${MISSING:-v9}|v9",
            "${EMPTY:-v9}|v9",
            "${EMPTY-v9}|''",
            "${MISSING-v9}|v9",
            "${TAG:?need it}|v1.1",
            "${EMPTY?need it}|''",
            "$$TAG|$TAG",
            "$${TAG}|${TAG}",
            "price $$5|price $5",
            "${lower_case}|x",
            "${MISSING:-a-b:c}|a-b:c",
            "no variables|no variables",
    })
    void interpolatesLikeCompose(String template, String expected) throws Exception {
        assertEquals(expected, Interpolation.interpolate(template, ENV));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', value = {
            "${MISSING:?set the tag}|set the tag",
            "${EMPTY:?set the tag}|set the tag",
            "${MISSING?}|MISSING",
            "${MISSING:?}|MISSING",
    })
    void requiredVariablesFailWithTheirMessage(String template, String message) {
        Interpolation.Failure f = assertThrows(Interpolation.Failure.class, () -> Interpolation.interpolate(template, ENV));
        assertFalse(f.invalid());
        assertEquals(message, f.getMessage());
    }

    @ParameterizedTest(name = "{0} is invalid")
    @CsvSource(delimiter = '|', value = {"a $ b", "${}", "${1TAG}", "${TAG", "$-", "${TAG:x}"})
    void malformedDollarsAreInvalid(String template) {
        Interpolation.Failure f = assertThrows(Interpolation.Failure.class, () -> Interpolation.interpolate(template, ENV));
        assertTrue(f.invalid());
    }
}
