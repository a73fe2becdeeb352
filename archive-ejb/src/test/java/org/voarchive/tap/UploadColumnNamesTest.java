package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;

/** Upload columns PostgreSQL or ADQL could not keep apart are refused with a 400 naming the column. */
class UploadColumnNamesTest {

    private static String refused(String... names) {
        DaliException e = assertThrows(DaliException.class, () -> UploadLoader.checkColumnNames("t", List.of(names)));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void duplicatesAreRefusedAlsoWhenOnlyTheirCaseDiffers() {
        assertTrue(refused("ra", "dec", "ra").contains("'ra' twice"));
        assertTrue(refused("RA", "ra").contains("'ra' twice (as 'RA'"));
    }

    @Test
    void namesEqualInTheirFirst63BytesOrLongerAreRefused() {
        String base = "c".repeat(63);
        assertTrue(refused(base + "1", base + "2").contains("longer than 63 bytes"));
        assertTrue(refused("\u00e9".repeat(32)).contains("longer than 63 bytes")); // 64 bytes of UTF-8
        assertDoesNotThrow(() -> UploadLoader.checkColumnNames("t", List.of(base, "\u00e9".repeat(31))));
    }

    @Test
    void systemColumnNamesAreRefused() {
        for (String system : List.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid", "oid", "CTID")) {
            assertTrue(refused("id", system).contains("reserved by the database"), system);
        }
        assertDoesNotThrow(() -> UploadLoader.checkColumnNames("t", List.of("oid_main", "xmin_flux", "id")));
    }

    @Test
    void emptyAndNulNamesAreRefused() {
        assertTrue(refused("a", " ").contains("without a name"));
        assertTrue(refused("a\0b").contains("U+0000"));
    }
}
