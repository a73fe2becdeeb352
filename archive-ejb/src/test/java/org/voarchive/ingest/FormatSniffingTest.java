package org.voarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSniffingTest {

    @TempDir
    Path dir;

    @Test
    void uploadsWithoutANameAreRecognisedByTheirFirstBytes() throws Exception {
        assertEquals("votable", StilTable.sniffFormat(Files.writeString(dir.resolve("a"), "\n  <?xml version=\"1.0\"?><VOTABLE/>")));
        assertEquals("fits", StilTable.sniffFormat(Files.writeString(dir.resolve("b"), "SIMPLE  =                    T")));
        assertEquals("fits", StilTable.sniffFormat(Files.write(dir.resolve("c"), new byte[] {0x1f, (byte) 0x8b, 8, 0})));
        assertEquals("csv", StilTable.sniffFormat(Files.writeString(dir.resolve("d"), "a,b\n1,2\n")));
    }
}
