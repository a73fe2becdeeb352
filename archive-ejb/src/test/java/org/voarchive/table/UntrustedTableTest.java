package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The attacks an uploaded table can carry (files and URLs read through XML entities or STREAM href,
 * lengths that make STIL allocate gigabytes) are refused before STIL reads a byte; good tables of every
 * serialization still read. The HTTP server records whether anything was fetched from it.
 */
class UntrustedTableTest {

    private static final String VOTABLE_START = "<?xml version=\"1.0\"?>\n";
    private static final String VOTABLE_NS = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">";

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "<!ENTITY secret 'fetched'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String tabledata(String td) {
        return VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>"
            + "<DATA><TABLEDATA><TR><TD>" + td + "</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    private TableRefusedException refused(Path file) {
        return assertThrows(TableRefusedException.class, () -> {
            try (UntrustedTable t = UntrustedTable.open(file, "votable", 1 << 20)) {
                t.read(StoragePolicy.PREFER_MEMORY);
            }
        });
    }

    private List<Object[]> rows(Path file, String format) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (UntrustedTable t = UntrustedTable.open(file, format, 1 << 20);
             RowSequence seq = t.read(StoragePolicy.PREFER_MEMORY).getRowSequence()) {
            while (seq.next()) {
                rows.add(seq.getRow());
            }
        }
        return rows;
    }

    @Test
    void anEntityNamingALocalFileIsRefused() throws IOException {
        Path f = file("xxe.vot", tabledata("&x;").replace(VOTABLE_START,
            VOTABLE_START + "<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"));
        assertTrue(refused(f).getMessage().contains("DOCTYPE"), refused(f).getMessage());
    }

    @Test
    void parameterEntitiesAndExternalDtdsAreNeverFetched() throws IOException {
        Path parameter = file("pe.vot", tabledata("&secret;").replace(VOTABLE_START,
            VOTABLE_START + "<!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"" + url() + "\"> %p;]>\n"));
        Path dtd = file("dtd.vot", tabledata("x").replace(VOTABLE_START,
            VOTABLE_START + "<!DOCTYPE VOTABLE SYSTEM \"" + url() + "\">\n"));
        Path general = file("ge.vot", tabledata("&g;").replace(VOTABLE_START,
            VOTABLE_START + "<!DOCTYPE VOTABLE [<!ENTITY g SYSTEM \"" + url() + "\">]>\n"));
        refused(parameter);
        refused(dtd);
        refused(general);
        assertEquals(0, hits.get(), "the parser fetched from the URL");
    }

    @Test
    void aCompressedTableIsCheckedAsItsContent() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tabledata("&x;").replace(VOTABLE_START,
                VOTABLE_START + "<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        Path f = file("xxe.vot.gz", gz.toByteArray());
        assertTrue(refused(f).getMessage().contains("DOCTYPE"));
    }

    @Test
    void aCompressionBombStopsAtTheLimit() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[4 << 20]);
        }
        Path f = file("bomb.csv.gz", gz.toByteArray());
        TableRefusedException e = assertThrows(TableRefusedException.class, () -> UntrustedTable.open(f, null, 1 << 20));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void aStreamHrefIsRefusedInEverySerialization() throws IOException {
        for (String serialization : List.of("BINARY", "BINARY2", "FITS")) {
            for (String href : List.of("file:///proc/self/environ", url())) {
                Path f = file("href.vot", VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE>"
                    + "<FIELD name=\"b\" datatype=\"unsignedByte\"/><DATA><" + serialization + "><STREAM href=\"" + href
                    + "\"/></" + serialization + "></DATA></TABLE></RESOURCE></VOTABLE>");
                assertTrue(refused(f).getMessage().contains("STREAM refers to"), serialization);
            }
        }
        assertEquals(0, hits.get());
    }

    /** A 259-byte upload whose one string claims 1.5e9 characters (STIL allocated them: OutOfMemoryError). */
    @Test
    void aLengthBeyondTheBytesPresentIsRefusedBeforeAllocation() throws IOException {
        for (String serialization : List.of("BINARY", "BINARY2")) {
            ByteBuffer data = ByteBuffer.allocate(serialization.equals("BINARY2") ? 8 : 7);
            if (serialization.equals("BINARY2")) {
                data.put((byte) 0); // no nulls
            }
            data.putInt(1_500_000_000).put("abc".getBytes(StandardCharsets.US_ASCII));
            Path f = file("long.vot", binary(serialization, "<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>",
                data.array()));
            String message = refused(f).getMessage();
            assertTrue(message.contains("bytes declared"), message);
        }
    }

    @Test
    void aFixedArrayLargerThanTheFileIsRefused() throws IOException {
        Path f = file("fixed.vot", VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE>"
            + "<FIELD name=\"d\" datatype=\"double\" arraysize=\"1000000x1000\"/>"
            + "<DATA><TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        assertTrue(refused(f).getMessage().contains("more than the whole file"));
        Path overflow = file("overflow.vot", VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE>"
            + "<FIELD name=\"d\" datatype=\"double\" arraysize=\"999999999999999999x99999\"/>"
            + "<DATA><TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        refused(overflow);
    }

    @Test
    void nonBase64TextInAStreamIsRefused() throws IOException {
        Path f = file("text.vot", VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE><FIELD name=\"i\" datatype=\"int\"/>"
            + "<DATA><BINARY><STREAM encoding=\"base64\">AAAA\u0141AAA</STREAM></BINARY></DATA></TABLE></RESOURCE></VOTABLE>");
        assertTrue(refused(f).getMessage().contains("not base64"));
    }

    @Test
    void goodTablesOfEverySerializationStillRead() throws IOException {
        ColumnInfo name = new ColumnInfo("name", String.class, null);
        ColumnInfo values = new ColumnInfo("values", double[].class, null);
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {name, values});
        table.addRow(new Object[] {"Vega", new double[] {1, 2, 3}});
        table.addRow(new Object[] {"Deneb", new double[] {}});
        table.addRow(new Object[] {null, new double[] {4.5}});
        for (DataFormat format : List.of(DataFormat.TABLEDATA, DataFormat.BINARY, DataFormat.BINARY2, DataFormat.FITS)) {
            Path f = dir.resolve("good-" + format + ".vot");
            try (OutputStream out = Files.newOutputStream(f)) {
                new VOTableWriter(format, true).writeStarTable(table, out);
            }
            List<Object[]> rows = rows(f, "votable");
            assertEquals(3, rows.size(), format.toString());
            assertEquals("Vega", rows.get(0)[0], format.toString());
            assertEquals(3, ((double[]) rows.get(0)[1]).length, format.toString());
            assertEquals(4.5, ((double[]) rows.get(2)[1])[0], format.toString());
        }
        Path fits = dir.resolve("good.fits");
        try (OutputStream out = Files.newOutputStream(fits)) {
            new uk.ac.starlink.fits.FitsTableWriter().writeStarTable(table, out);
        }
        assertEquals(3, rows(fits, "fits").size());
        assertEquals("fits", UntrustedTable.sniff(fits));
        Path csv = file("good.csv", "a,b\n1,x\n2,y\n");
        assertEquals(2, rows(csv, null).size());
    }

    @Test
    void fitsSizesAreCheckedAgainstTheFile() throws IOException {
        Path rows = file("rows.fits", fits(header("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 8",
            "NAXIS2  = 100000000", "PCOUNT  = 0", "GCOUNT  = 1", "TFIELDS = 1", "TFORM1  = 'D'"), new byte[2880]));
        assertTrue(fitsRefused(rows).contains("bytes of data"), fitsRefused(rows));
        Path width = file("width.fits", fits(header("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 8",
            "NAXIS2  = 1", "PCOUNT  = 0", "GCOUNT  = 1", "TFIELDS = 1", "TFORM1  = '2000000000A'"), new byte[2880]));
        assertTrue(fitsRefused(width).contains("wider than NAXIS1"), fitsRefused(width));
        // one row with a P descriptor claiming 1e9 doubles in a heap of 16 bytes
        byte[] data = new byte[2880];
        ByteBuffer.wrap(data).putInt(1_000_000_000).putInt(0);
        Path heap = file("heap.fits", fits(header("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 8",
            "NAXIS2  = 1", "PCOUNT  = 16", "GCOUNT  = 1", "TFIELDS = 1", "TFORM1  = '1PD(2)'"), data));
        assertTrue(fitsRefused(heap).contains("outside the heap"), fitsRefused(heap));
    }

    private String fitsRefused(Path file) {
        return assertThrows(TableRefusedException.class, () -> UntrustedTable.open(file, "fits", 1 << 20).close())
            .getMessage();
    }

    /** A primary HDU without data, then the given extension header and data. */
    private static byte[] fits(byte[] extension, byte[] data) {
        byte[] primary = header("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 0", "EXTEND  = T");
        ByteBuffer all = ByteBuffer.allocate(primary.length + extension.length + data.length);
        return all.put(primary).put(extension).put(data).array();
    }

    private static byte[] header(String... cards) {
        StringBuilder h = new StringBuilder();
        for (String card : cards) {
            h.append(String.format("%-80s", card));
        }
        h.append(String.format("%-80s", "END"));
        while (h.length() % 2880 != 0) {
            h.append(' ');
        }
        return h.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String binary(String serialization, String fields, byte[] data) {
        return VOTABLE_START + VOTABLE_NS + "<RESOURCE><TABLE>" + fields + "<DATA><" + serialization
            + "><STREAM encoding=\"base64\">" + Base64.getEncoder().encodeToString(data) + "</STREAM></"
            + serialization + "></DATA></TABLE></RESOURCE></VOTABLE>";
    }
}
