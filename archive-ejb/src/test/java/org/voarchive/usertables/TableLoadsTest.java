package org.voarchive.usertables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.TableName;
import org.voarchive.table.ColumnDefinition;

/** What a load takes (formats by media type) and how its columns are matched to the table's. */
class TableLoadsTest {

    private static final PersonalTable TABLE = new PersonalTable(1, new TableName("user_alice", "targets"), "alice", 0, 0,
        new Sharing(false, Set.of()), "created", Instant.EPOCH, null,
        List.of(new ColumnSpec("id", "long", null, null, null, null, null, null),
            new ColumnSpec("RA", "double", null, null, "deg", null, null, null),
            new ColumnSpec("pos", "double", "2", "point", null, null, null, null),
            new ColumnSpec("name", "char", "*", null, null, null, null, null)),
        List.of(), List.of());

    @Test
    void formatsByMediaTypeOrFormName() {
        assertEquals(TableLoads.Format.CSV, TableLoads.Format.of("text/csv; header=absent"));
        assertEquals(TableLoads.Format.TSV, TableLoads.Format.of("text/tab-separated-values"));
        assertEquals(TableLoads.Format.FITS, TableLoads.Format.of("application/fits"));
        assertEquals(TableLoads.Format.VOTABLE, TableLoads.Format.of("application/x-votable+xml"));
        assertEquals(TableLoads.Format.VOTABLE, TableLoads.Format.of("VOTable"));
        TableRequestException e = assertThrows(TableRequestException.class, () -> TableLoads.Format.of("application/json"));
        assertEquals(415, e.status());
        assertEquals("a load takes text/csv, text/tab-separated-values, application/fits or application/x-votable+xml,"
            + " not application/json", e.getMessage());
    }

    @Test
    void sourceColumnsAreTheTablesInAnyOrderAndCase() {
        assertEquals(List.of(ColumnDefinition.optional("name", "text", null), ColumnDefinition.optional("RA", "double precision", null),
                ColumnDefinition.optional("pos", "spoint", null)),
            TableLoads.columns(TABLE, List.of("name", "ra", "pos")));
        TableRequestException e = assertThrows(TableRequestException.class, () -> TableLoads.columns(TABLE, List.of("id", "dec")));
        assertEquals(400, e.status());
        assertEquals("the column 'dec' is not in user_alice.targets (its columns: id, RA, pos, name)", e.getMessage());
    }

    @Test
    void youcatsAnswer() {
        assertEquals("Inserted 2 rows to table user_alice.targets", TableLoads.inserted(2, TABLE.name()));
        assertEquals("Inserted 1 row to table user_alice.targets", TableLoads.inserted(1, TABLE.name()));
    }

    @Test
    void copysLinesAreRowsWhereNoValueHasALineBreak() {
        TableLoads.CopyLines lines = new TableLoads.CopyLines();
        lines.row(1, new Object[] {1L, "a"});
        lines.row(2, new Object[] {2L, "two\nlines"});
        lines.row(3, new Object[] {3L, "b"});
        lines.row(4, new Object[] {4L, "three\nlines\nhere"});
        lines.row(5, new Object[] {5L, null});
        // COPY's lines: 1 | 2-3 | 4 | 5-7 | 8
        long[] rowOfLine = {0, 1, 2, 2, 3, 4, 4, 4, 5};
        for (int line = 1; line <= 8; line++) {
            assertEquals(rowOfLine[line], lines.rowAt(line), "line " + line);
        }
    }
}
