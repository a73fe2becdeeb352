package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.parquet.ParquetFiles;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Parquet results from the running archive (sync, async), read back by the reference reader (parquet-mr) and
 * by STIL, which applies the VOParquet metadata in the footer: the same cells and FIELD metadata as the
 * VOTable of the same query.
 */
class ParquetIT {

    private static final String MIME = "application/vnd.apache.parquet";
    private static final String CONTENT_KEY = "IVOA.VOTable-Parquet.content";

    @TempDir
    Path dir;

    private static List<Map.Entry<String, String>> params(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return list;
    }

    private Path save(byte[] body) throws IOException {
        Path file = Files.createTempFile(dir, "result", ".parquet");
        Files.write(file, body);
        return file;
    }

    private static List<Object[]> rows(StarTable table) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence s = table.getRowSequence()) {
            while (s.next()) {
                rows.add(s.getRow());
            }
        }
        return rows;
    }

    /** Same columns (name, unit, UCD, description) and the same cells, NULL for NULL. */
    private static void assertSameTable(StarTable votable, StarTable parquet) throws IOException {
        assertEquals(votable.getColumnCount(), parquet.getColumnCount());
        for (int i = 0; i < votable.getColumnCount(); i++) {
            ColumnInfo v = votable.getColumnInfo(i);
            ColumnInfo p = parquet.getColumnInfo(i);
            assertEquals(List.of(v.getName(), String.valueOf(v.getUnitString()), String.valueOf(v.getUCD()),
                    String.valueOf(v.getDescription())),
                List.of(p.getName(), String.valueOf(p.getUnitString()), String.valueOf(p.getUCD()),
                    String.valueOf(p.getDescription())));
        }
        List<Object[]> expected = rows(votable);
        List<Object[]> actual = rows(parquet);
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            assertTrue(Arrays.deepEquals(expected.get(r), actual.get(r)), "row " + r + ": "
                + Arrays.deepToString(expected.get(r)) + " != " + Arrays.deepToString(actual.get(r)));
        }
    }

    @Test
    void syncParquetHasTheVOTablesCellsAndMetadata() throws Exception {
        String query = "SELECT TOP 2000 * FROM demo.bsc5 ORDER BY hr";
        HttpResponse<byte[]> parquet = Tap.get(params("LANG", "ADQL", "QUERY", query, "RESPONSEFORMAT", "parquet"));
        assertEquals(200, parquet.statusCode(), Tap.text(parquet));
        assertEquals(MIME, parquet.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> votable = Tap.get(params("LANG", "ADQL", "QUERY", query, "RESPONSEFORMAT", "votable"));
        assertSameTable(Tap.table(votable.body(), "votable"), Tap.table(parquet.body(), "parquet"));

        ParquetFiles read = ParquetFiles.read(save(parquet.body()));
        assertEquals(2000, read.rows().size());
        String metadata = read.keyValues().get(CONTENT_KEY);
        assertTrue(metadata.contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"), metadata);
        assertTrue(metadata.contains("<INFO name=\"source_table\" value=\"demo.bsc5\"/>"), metadata);
        assertTrue(metadata.contains("name=\"publisher\""), "Data Origin: " + metadata);
    }

    @Test
    void uploadedArraysTimestampsAndUnicodeSurvive() throws Exception {
        List<Tap.Part> parts = new ArrayList<>(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("QUERY", "SELECT id, p, label, flag, seen, counts FROM TAP_UPLOAD.mine ORDER BY id"),
            Tap.Part.field("UPLOAD", "mine,param:t1"),
            new Tap.Part("t1", "mine.vot", TapSyncIT.UPLOAD.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<byte[]> votable = Tap.multipart(parts);
        parts.add(Tap.Part.field("RESPONSEFORMAT", "application/x-parquet"));
        HttpResponse<byte[]> parquet = Tap.multipart(parts);
        assertEquals(200, parquet.statusCode(), Tap.text(parquet));
        assertEquals("application/x-parquet", parquet.headers().firstValue("Content-Type").orElseThrow(),
            "a MIME type asked for is echoed");
        StarTable table = Tap.table(parquet.body(), "parquet");
        assertSameTable(Tap.table(votable.body(), "votable"), table);
        assertEquals("Sírius ✓", rows(table).get(2)[2]);
    }

    @Test
    void maxrecOverflowIsInTheFooterAndLargeResultsHaveSeveralRowGroups() throws Exception {
        HttpResponse<byte[]> cut = Tap.get(params("LANG", "ADQL", "QUERY", "SELECT hr FROM demo.bsc5", "MAXREC", "3",
            "RESPONSEFORMAT", "parquet"));
        ParquetFiles read = ParquetFiles.read(save(cut.body()));
        assertEquals(3, read.rows().size());
        assertTrue(read.keyValues().get(CONTENT_KEY).contains("name=\"QUERY_STATUS\" value=\"OVERFLOW\""));

        HttpResponse<byte[]> large = Tap.get(params("LANG", "ADQL", "QUERY",
            "SELECT TOP 70000 a.hr AS a, b.hr AS b FROM demo.bsc5 AS a CROSS JOIN demo.bsc5 AS b WHERE b.hr < 20",
            "MAXREC", "70000", "RESPONSEFORMAT", "parquet"));
        assertEquals(200, large.statusCode(), Tap.text(large));
        ParquetFiles many = ParquetFiles.read(save(large.body()));
        assertEquals(70000, many.rows().size());
        assertEquals(2, many.rowGroups(), "65,536 rows to a row group");
    }

    @Test
    void asyncJobResultIsParquet() throws Exception {
        Uws uws = Uws.anonymous();
        String job = uws.submit("SELECT TOP 3 hr, name FROM demo.bsc5 ORDER BY hr", "RESPONSEFORMAT", "parquet");
        String doc = uws.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        assertTrue(doc.contains("mime-type=\"" + MIME + "\""), doc);
        HttpResponse<byte[]> result = uws.getBytes(job + "/results/result");
        assertEquals(200, result.statusCode());
        assertEquals(MIME, result.headers().firstValue("Content-Type").orElse(""));
        ParquetFiles read = ParquetFiles.read(save(result.body()));
        assertEquals(3, read.rows().size());
        assertEquals(List.of("hr", "name"), read.schema().getFields().stream().map(f -> f.getName()).toList());
        uws.delete(job);
    }

    @Test
    void theCapabilitiesDeclareParquet() throws Exception {
        String capabilities = Archive.request("GET", "/tap/capabilities", null, null, null, null).body();
        assertTrue(capabilities.matches("(?s).*<outputFormat>\\s*<mime>" + MIME.replace(".", "\\.")
            + "</mime>\\s*<alias>parquet</alias>\\s*</outputFormat>.*"), capabilities);
    }
}
