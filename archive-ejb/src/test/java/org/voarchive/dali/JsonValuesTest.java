package org.voarchive.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static String row(Object... cells) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(w)) {
            g.writeStartArray();
            for (Object cell : cells) {
                JsonValues.write(g, cell);
            }
            g.writeEnd();
        }
        return w.toString();
    }

    @Test
    void cellsAreJsonValuesAsTheDatabaseGaveThem() {
        assertEquals("[null,null,null,null,1.1,2.5,42,true,\"a \\\"b\\\"\\n\"]",
            row(null, Double.NaN, Float.POSITIVE_INFINITY, Float.NaN, 1.1f, 2.5d, 42L, true, "a \"b\"\n"));
        assertEquals("[[1.5,null],[1,2]]", row(new double[] {1.5, Double.NaN}, new int[] {1, 2}));
    }

    @Test
    void emptyMembersAreLeftOut() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(w)) {
            g.writeStartObject();
            JsonValues.writeIfPresent(g, "unit", "deg");
            JsonValues.writeIfPresent(g, "ucd", "");
            JsonValues.writeIfPresent(g, "utype", null);
            g.writeEnd();
        }
        assertEquals("{\"unit\":\"deg\"}", w.toString());
    }
}
