package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSniffingTest {

    @TempDir
    Path dir;

    @Test
    void uploadsWithoutANameAreRecognisedByTheirFirstBytes() throws Exception {
        assertEquals("votable", UntrustedTable.sniff(Files.writeString(dir.resolve("a"), "\n  <?xml version=\"1.0\"?><VOTABLE/>")));
        assertEquals("votable", UntrustedTable.sniff(Files.writeString(dir.resolve("bom"), "\ufeff<VOTABLE/>")));
        assertEquals("fits", UntrustedTable.sniff(Files.writeString(dir.resolve("b"), "SIMPLE  =                    T")));
        assertEquals("csv", UntrustedTable.sniff(Files.writeString(dir.resolve("d"), "a,b\n1,2\n")));
    }

    @Test
    void compressedTablesAreRecognisedByTheirContent() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        try (UntrustedTable t = UntrustedTable.open(Files.write(dir.resolve("c.gz"), gz.toByteArray()), null, 1000)) {
            assertEquals("csv", t.format());
        }
    }
}
