package io.dltrigger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a trigger may set a parameter to: values of its type, converted from text when the CLI gave text. */
class ParamSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "x$(id > /tmp/pwned)";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String refusal(ParamSpec p, JsonNode value) {
        return assertThrows(IllegalArgumentException.class, () -> p.check(value))
                .getMessage();
    }

    @Test
    void anIntTakesWholeNumbersWithinItsBounds() throws Exception {
        ParamSpec samples = new ParamSpec(
                "samples", ParamSpec.Type.INT, json("1000"), null, null, BigDecimal.ONE, null, null, null);
        assertEquals("5000", samples.check(json("5000")).toString());
        assertEquals("5000", samples.check(json("\"5000\"")).toString(), "text from the command line");
        assertEquals(
                "parameter 'samples' must be an integer >= 1, got '" + PAYLOAD + "'",
                refusal(samples, json("\"" + PAYLOAD + "\"")));
        assertEquals("parameter 'samples' must be an integer >= 1, got 0", refusal(samples, json("0")));
        assertEquals("parameter 'samples' must be an integer >= 1, got 1.5", refusal(samples, json("1.5")));
    }

    @Test
    void textEnumsPathsAndListsAreCheckedToo() throws Exception {
        ParamSpec tag = new ParamSpec(
                "tag", ParamSpec.Type.STRING, json("\"a\""), Pattern.compile("[a-z]+"), null, null, null, null, null);
        assertEquals(json("\"abc\""), tag.check(json("\"abc\"")));
        refusal(tag, json("\"" + PAYLOAD + "\""));
        ParamSpec free = ParamSpec.inferred("who", json("\"world\""));
        assertEquals(json("\"" + PAYLOAD + "\""), free.check(json("\"" + PAYLOAD + "\"")), "safe in the environment");
        refusal(free, json("\"two\\nlines\\u0000\""));
        assertEquals(json("\"123\""), free.check(json("123")), "-p who=123 is the text 123");

        ParamSpec mode = new ParamSpec(
                "mode", ParamSpec.Type.ENUM, json("\"fast\""), null, List.of("fast", "full"), null, null, null, null);
        assertEquals(json("\"full\""), mode.check(json("\"full\"")));
        assertEquals("parameter 'mode' must be one of fast, full, got 'slow'", refusal(mode, json("\"slow\"")));

        ParamSpec out = new ParamSpec(
                "out", ParamSpec.Type.PATH, json("\"data/a\""), null, null, null, null, Path.of("data"), null);
        assertEquals(json("\"data/b/c\""), out.check(json("\"data/b/c\"")));
        refusal(out, json("\"data/../etc/passwd\""));
        refusal(out, json("\"elsewhere\""));
        refusal(ParamSpec.inferred("p", json("1")), json("\"--output=/x\""));
        ParamSpec anywhere =
                new ParamSpec("p", ParamSpec.Type.PATH, json("\"/tmp\""), null, null, null, null, null, null);
        refusal(anywhere, json("\"--config=/etc/x\""));

        ParamSpec classes = ParamSpec.inferred("classes", json("[\"qcd\"]"));
        assertEquals(json("[\"qcd\", 2]"), classes.check(json("[\"qcd\", 2]")));
        refusal(classes, json("[{\"a\": 1}]"));
        assertEquals(json("true"), ParamSpec.inferred("b", json("false")).check(json("\"true\"")));
        assertEquals(json("2.5"), ParamSpec.inferred("lr", json("0.1")).check(json("\"2.5\"")));
    }

    @Test
    void aDeclarationIsCheckedWhenMade() throws Exception {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ParamSpec("bad-name", ParamSpec.Type.INT, json("1"), null, null, null, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ParamSpec("n", ParamSpec.Type.INT, null, null, null, null, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ParamSpec("n", ParamSpec.Type.ENUM, json("\"a\""), null, List.of(), null, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ParamSpec(
                        "n", ParamSpec.Type.INT, json("1"), Pattern.compile("x"), null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.inferred("o", json("{\"a\": 1}")));
    }
}
