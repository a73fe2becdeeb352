package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DataOrigin;
import org.voarchive.metadata.PublishedMetadata;
import uk.ac.starlink.fits.FitsTableBuilder;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.ByteArrayDataSource;

class OriginFitsWriterTest {

    @Test
    void theTableHduCarriesTheDataOriginCardsAndStaysReadable() throws Exception {
        PublishedMetadata metadata = new PublishedMetadata(List.of(new PublishedMetadata.Schema("demo", null, null, null,
            PublishedMetadata.Publication.NONE, List.of(new PublishedMetadata.Table("demo", "plates", "table", null, null,
                null, null, true, List.of(), List.of(), null, new PublishedMetadata.Publication("10.5072/demo.plates",
                    null, null, "https://creativecommons.org/licenses/by/4.0/", null))))));
        DataOrigin origin = DataOrigin.of(new DataOrigin.Site("Example Data Centre", "a@example.org", "ivo://example.org",
                "https://example.org/landing/"), new DataOrigin.Request("ivo://ivoa.net/std/TAP", "TAP 1.1",
                "ivo://example.org/tap", "https://example.org/tap/sync?LANG=ADQL&QUERY=SELECT+*+FROM+demo.plates",
                Instant.parse("2026-12-04T10:11:12Z"), "SELECT * FROM demo.plates"), metadata, List.of("demo.plates"));
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("plate_id", String.class, null)});
        table.addRow(new Object[] {"P0001"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OriginFitsWriter(origin).writeStarTable(table, out);
        byte[] fits = out.toByteArray();
        assertEquals(0, fits.length % 2880, "whole FITS blocks");
        String header = new String(fits, 2880, fits.length - 2880, StandardCharsets.US_ASCII); // after the primary HDU
        assertTrue(header.startsWith("XTENSION= 'BINTABLE'"), header);
        assertTrue(header.contains("ORIGIN  = 'Example Data Centre'"), header);
        assertTrue(header.contains("DATE    = '2026-12-04T10:11:12.000'"), header);
        assertTrue(header.contains("REFERENC= 'doi:10.5072/demo.plates'"), header);
        assertTrue(header.contains("COMMENT Data Origin rights_uri = https://creativecommons.org/licenses/by/4.0/"), header);
        StarTable read = new FitsTableBuilder().makeStarTable(new ByteArrayDataSource("result.fits", fits), false,
            StoragePolicy.PREFER_MEMORY);
        try (uk.ac.starlink.table.RowSequence rows = read.getRowSequence()) {
            assertTrue(rows.next());
            assertEquals("P0001", rows.getCell(0));
        }
    }
}
