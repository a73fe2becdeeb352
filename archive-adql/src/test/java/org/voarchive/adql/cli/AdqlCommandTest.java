package org.voarchive.adql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdqlCommandTest {

    private record Outcome(int status, String stderr) {
    }

    private static Outcome run(String input, String... args) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = AdqlCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return new Outcome(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void parseExitsZeroForValidAdqlAndPrintsNothing() throws Exception {
        Outcome o = run("SELECT TOP 3 ra, dec FROM demo.bsc5\n", "parse");
        assertEquals(new Outcome(0, ""), o);
    }

    @Test
    void parseExitsOneWithOneLinePositionedMessage() throws Exception {
        Outcome o = run("SELECT ra\nFROM demo.bsc5 WHERE", "parse");
        assertEquals(1, o.status());
        assertEquals("2:21: the query ends here", o.stderr().strip());
        assertEquals(1, o.stderr().strip().lines().count());
    }

    @Test
    void wrongUsageExitsTwo() throws Exception {
        assertEquals(2, run("", "frobnicate").status());
        assertTrue(run("", new String[0]).stderr().startsWith("usage:"));
    }
}
