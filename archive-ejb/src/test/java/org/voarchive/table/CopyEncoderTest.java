package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CopyEncoderTest {

    private static String encode(Object... row) throws Exception {
        StringWriter out = new StringWriter();
        new CopyEncoder(out).write(row);
        return out.toString();
    }

    @Test
    void nullIsAnEmptyUnquotedFieldAndEmptyStringsStayQuoted() throws Exception {
        assertEquals(",\"\",1\n", encode(null, "", 1));
    }

    @Test
    void quotesAndSeparatorsInStringsAreEscaped() throws Exception {
        assertEquals("\"a \"\"b\"\", c\nd\"\n", encode("a \"b\", c\nd"));
    }

    @Test
    void numbersAndBooleansUseLiteralsPostgresAccepts() throws Exception {
        assertEquals("-1.5,2.5E-10,t,f\n", encode(-1.5, 2.5e-10, true, false));
    }
}
