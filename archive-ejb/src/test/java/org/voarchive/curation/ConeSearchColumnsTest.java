package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.InvalidField;

class ConeSearchColumnsTest {

    private static ColumnRecord column(String name, String ucd, String datatype, boolean principal) {
        return new ColumnRecord(name, null, null, ucd, null, principal, false, false, "PUBLIC", "PUBLIC", datatype, null, null, 0);
    }

    private static final List<ColumnRecord> UCD1PLUS = List.of(
        column("id", "meta.id;meta.main", "long", true),
        column("ra", "pos.eq.ra;meta.main", "double", true),
        column("dec", "pos.eq.dec;meta.main", "double", true),
        column("mag", "phot.mag", "float", true),
        column("note", null, "unicodeChar", false));

    private static final ConeSearchSettings NOTHING = new ConeSearchSettings(null, null, null, null, null, null, null, null,
        null, null);

    private static String refusedField(ConeSearchSettings edit, List<ColumnRecord> columns) {
        return assertThrows(InvalidField.class, () -> ConeSearchColumns.complete(edit, columns)).field();
    }

    @Test
    void keyColumnsAreFoundByUcd1PlusOrTheScs103WordsAndVerbTwoIsThePrincipalColumns() {
        ConeSearchSettings s = ConeSearchColumns.complete(NOTHING, UCD1PLUS);
        assertEquals(List.of("id", "ra", "dec"), List.of(s.idColumn(), s.raColumn(), s.decColumn()));
        assertEquals(List.of(), s.verb1());
        assertEquals(List.of("id", "ra", "dec", "mag"), s.verb2());
        List<ColumnRecord> ucd1 = List.of(column("name", "ID_MAIN", "char", false),
            column("alpha", "POS_EQ_RA_MAIN", "double", false), column("delta", "pos_eq_dec_main", "float", false));
        ConeSearchSettings old = ConeSearchColumns.complete(NOTHING, ucd1);
        assertEquals(List.of("name", "alpha", "delta"), List.of(old.idColumn(), old.raColumn(), old.decColumn()));
    }

    @Test
    void givenColumnsAreCheckedAndNamedInTheirStoredSpelling() {
        ConeSearchSettings s = ConeSearchColumns.complete(new ConeSearchSettings(null, "NOTE", null, null, List.of("MAG"),
            List.of(), 3.0, 10L, new ConeSearchSettings.TestQuery(1, 2, 0.5), null), UCD1PLUS);
        assertEquals("note", s.idColumn());
        assertEquals(List.of("mag"), s.verb1());
        assertEquals(3.0, s.maxSR());
        assertEquals("idColumn", refusedField(new ConeSearchSettings(null, "nope", null, null, null, null, null, null,
            null, null), UCD1PLUS));
        assertEquals("raColumn", refusedField(new ConeSearchSettings(null, null, "note", null, null, null, null, null,
            null, null), UCD1PLUS));
        assertEquals("decColumn", refusedField(new ConeSearchSettings(null, null, "ra", "ra", null, null, null, null,
            null, null), UCD1PLUS));
        assertEquals("verb2[1]", refusedField(new ConeSearchSettings(null, null, null, null, null, List.of("mag", "x"),
            null, null, null, null), UCD1PLUS));
        assertEquals("maxSR", refusedField(new ConeSearchSettings(null, null, null, null, null, null, 0.0, null, null,
            null), UCD1PLUS));
        assertEquals("maxSR", refusedField(new ConeSearchSettings(null, null, null, null, null, null, 180.5, null, null,
            null), UCD1PLUS));
        assertEquals("maxRecords", refusedField(new ConeSearchSettings(null, null, null, null, null, null, null, 0L, null,
            null), UCD1PLUS));
        assertEquals("testQuery", refusedField(new ConeSearchSettings(null, null, null, null, null, null, 1.0, null,
            new ConeSearchSettings.TestQuery(1, 2, 1.5), null), UCD1PLUS));
    }

    @Test
    void twoCandidatesOrNoneAreTheOperatorsChoice() {
        List<ColumnRecord> twoRas = List.of(column("id", "meta.id;meta.main", "int", false),
            column("ra1", "pos.eq.ra;meta.main", "double", false), column("ra2", "POS_EQ_RA_MAIN", "double", false),
            column("dec", "pos.eq.dec;meta.main", "double", false));
        assertNull(ConeSearchColumns.detected(twoRas).raColumn());
        assertEquals("raColumn", refusedField(NOTHING, twoRas));
        assertEquals("ra2", ConeSearchColumns.complete(new ConeSearchSettings(null, null, "ra2", null, null, null, null,
            null, null, null), twoRas).raColumn());
        assertEquals("idColumn", refusedField(NOTHING, List.of(column("ra", "pos.eq.ra;meta.main", "double", false))));
    }
}
