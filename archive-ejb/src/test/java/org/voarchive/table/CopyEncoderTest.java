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
    void postgresTextOfAnyValueGoesInAsItIs() throws Exception {
        // a kept result (tap.ResultCopy) copies each value as PostgreSQL's text of it: in CSV, backslashes,
        // tabs, carriage returns and a literal \N are data, and only NULL is an unquoted empty field
        assertEquals("\"back\\slash \\N\",\"tab\tcr\r\",,\"{1.5,NULL,\"\"a b\"\"}\",42\n",
            encode("back\\slash \\N", "tab\tcr\r", null, "{1.5,NULL,\"a b\"}", 42L));
    }

    @Test
    void numbersAndBooleansUseLiteralsPostgresAccepts() throws Exception {
        assertEquals("-1.5,2.5E-10,t,f\n", encode(-1.5, 2.5e-10, true, false));
    }
}
