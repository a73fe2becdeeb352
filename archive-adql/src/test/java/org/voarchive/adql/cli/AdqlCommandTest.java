package org.voarchive.adql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdqlCommandTest {

    private record Outcome(int status, String stderr, String stdout) {
        Outcome(int status, String stderr) {
            this(status, stderr, "");
        }
    }

    private static Outcome run(String input, String... args) throws Exception {
        PrintStream savedErr = System.err;
        PrintStream savedOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int status = AdqlCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return new Outcome(status, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(savedErr);
            System.setOut(savedOut);
        }
    }

    private static java.nio.file.Path catalog() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("catalog", ".json");
        java.nio.file.Files.writeString(file, """
            {"tables": [{"schema": "demo", "name": "bsc5", "description": "Bright \\"stars\\" \\u00e9",
              "columns": [{"name": "ra", "datatype": "double", "unit": "deg"},
                          {"name": "Dec", "datatype": "double", "arraysize": null},
                          {"name": "pos", "datatype": "double", "arraysize": 2, "xtype": "point"}]}]}
            """);
        return file;
    }

    @Test
    void translateWithoutCatalogueFoldsNames() throws Exception {
        Outcome o = run("SELECT TOP 1 RA FROM Demo.Bsc5", "translate");
        assertEquals(new Outcome(0, "", "SELECT \"ra\" FROM \"demo\".\"bsc5\" LIMIT 1\n"), o);
    }

    @Test
    void translateWithCatalogueResolvesExactNamesAndRegistryFunctions() throws Exception {
        Outcome o = run("SELECT ra, dec FROM bsc5 WHERE 1 = ivo_nocasematch('x', 'X')", "translate", "--catalog",
            catalog().toString());
        assertEquals(0, o.status(), o.stderr());
        assertEquals("SELECT \"bsc5\".\"ra\" AS \"ra\", \"bsc5\".\"Dec\" AS \"Dec\" FROM \"demo\".\"bsc5\" AS \"bsc5\" "
            + "WHERE 1 = CASE WHEN ('x') ILIKE ('X') THEN 1 ELSE 0 END\n", o.stdout());
        Outcome unknown = run("SELECT raa FROM bsc5", "translate", "--catalog", catalog().toString());
        assertEquals(new Outcome(1, "1:8: column raa not found in demo.bsc5; did you mean 'ra'?\n", ""), unknown);
    }

    @Test
    void aBrokenCatalogueIsAUsageError() throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".json");
        java.nio.file.Files.writeString(bad, "{\"tables\": [{\"schema\": \"s\"}");
        Outcome o = run("SELECT 1 FROM t", "translate", "--catalog", bad.toString());
        assertEquals(2, o.status());
        assertTrue(o.stderr().startsWith("adql: cannot read the catalogue"), o.stderr());
    }

    @Test
    void jsonStringsAreUnescaped() {
        assertEquals("a\"b\\c/\u00e9\n", CatalogFile.string("\"a\\\"b\\\\c\\/\\u00e9\\n\""));
    }

    @Test
    void parseExitsZeroForValidAdqlAndPrintsNothing() throws Exception {
        Outcome o = run("SELECT TOP 3 ra, dec FROM demo.bsc5\n", "parse");
        assertEquals(new Outcome(0, "", ""), o);
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
