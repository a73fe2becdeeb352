package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.curation.TableAccess.Audience;
import org.voarchive.curation.TableAccess.ColumnSight;
import org.voarchive.curation.TableAccess.Sight;

class TableAccessTest {

    private static final List<ColumnSight> ALL = List.of(new ColumnSight("id", true, true),
        new ColumnSight("flux", true, true), new ColumnSight("flux_err", true, true));

    @Test
    void anAudienceThatDoesNotSeeTheTableSeesNothingOfItsColumns() {
        Sight s = Sight.of(Audience.ANONYMOUS, null, false, false, List.of(new ColumnSight("id", false, false)));
        assertEquals("no", s.statement());
        assertEquals("anonymous", s.who());
        assertEquals(List.of(), s.hiddenColumns());
    }

    @Test
    void metadataWithoutRows() {
        assertEquals("metadata only", Sight.of(Audience.SIGNED_IN, null, true, false, ALL).statement());
        Sight s = Sight.of(Audience.SIGNED_IN, null, true, false, List.of(new ColumnSight("id", true, true),
            new ColumnSight("secret", false, false)));
        assertEquals("metadata only (not of the columns secret)", s.statement());
        assertEquals(List.of("secret"), s.hiddenColumns());
        assertEquals(List.of(), s.unreadableColumns());
        assertEquals("signed-in users", s.who());
    }

    @Test
    void rowsWithAllOrSomeColumns() {
        assertEquals("rows and all columns", Sight.of(Audience.ADMIN, "admin", true, true, ALL).statement());
        Sight s = Sight.of(Audience.GROUP, "plates", true, true, List.of(new ColumnSight("id", true, true),
            new ColumnSight("flux_err", true, false), new ColumnSight("flux", false, true)));
        assertEquals("rows and columns except flux_err, flux", s.statement());
        assertEquals("group plates", s.who());
        assertEquals(List.of("flux"), s.hiddenColumns());
        assertEquals(List.of("flux_err"), s.unreadableColumns());
    }

    @Test
    void rowsWithoutAnyReadableColumnAreMetadataOnly() {
        assertEquals("metadata only (no column's values)", Sight.of(Audience.GROUP, "g", true, true,
            List.of(new ColumnSight("id", true, false))).statement());
    }

    @Test
    void theSummaryNamesEveryAudienceInOrder() {
        TableAccess access = TableAccess.of("s", "t", true, List.of(
            Sight.of(Audience.ANONYMOUS, null, false, false, ALL),
            Sight.of(Audience.SIGNED_IN, null, true, false, ALL),
            Sight.of(Audience.GROUP, "plates", true, true, List.of(new ColumnSight("id", true, true),
                new ColumnSight("flux_err", true, false))),
            Sight.of(Audience.ADMIN, "admin", true, true, ALL)));
        assertEquals("anonymous: no; signed-in users: metadata only; group plates: rows and columns except flux_err;"
            + " administrators: rows and all columns", access.summary());
    }
}
