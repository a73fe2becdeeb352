package org.voarchive.usertables;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.TableName;

class PersonalNamesTest {

    private static ColumnSpec column(String name) {
        return new ColumnSpec(name, "double", null, null, null, null, null, null);
    }

    private static TableRequestException refused(int status, Runnable check) {
        TableRequestException e = assertThrows(TableRequestException.class, check::run);
        assertEquals(status, e.status(), e.getMessage());
        return e;
    }

    @Test
    void aBareNameIsInTheCallersSchema() {
        assertEquals(new TableName("user_alice", "targets"), PersonalNames.parse("targets", "alice"));
        assertEquals(new TableName("user_bob", "t"), PersonalNames.parse("user_bob.t", "alice"));
        refused(401, () -> PersonalNames.parse("targets", null));
        refused(400, () -> PersonalNames.parse("", "alice"));
        refused(400, () -> PersonalNames.parse("user_alice.", "alice"));
        refused(400, () -> PersonalNames.parse(".t", "alice"));
    }

    @Test
    void onlyTheOwnSchemaIsWritable() {
        assertDoesNotThrow(() -> PersonalNames.checkOwnSchema(new TableName("user_alice", "t"), "alice"));
        TableRequestException e = refused(403, () -> PersonalNames.checkOwnSchema(new TableName("user_bob", "t"), "alice"));
        assertTrue(e.getMessage().contains("user_alice"), e.getMessage());
        refused(403, () -> PersonalNames.checkOwnSchema(new TableName("demo", "kstars"), "alice"));
        refused(401, () -> PersonalNames.checkOwnSchema(new TableName("user_alice", "t"), null));
    }

    @Test
    void tableNamesFollowTheRules() {
        assertDoesNotThrow(() -> PersonalNames.checkTableName("targets_2027a"));
        assertDoesNotThrow(() -> PersonalNames.checkTableName("t".repeat(63)));
        TableRequestException upper = refused(400, () -> PersonalNames.checkTableName("Targets"));
        assertTrue(upper.getMessage().contains("lower-case"), upper.getMessage());
        refused(400, () -> PersonalNames.checkTableName("t".repeat(64)));
        refused(400, () -> PersonalNames.checkTableName("select"));
        refused(400, () -> PersonalNames.checkTableName("job_abc"));
        refused(400, () -> PersonalNames.checkTableName("pg_stats"));
        refused(400, () -> PersonalNames.checkTableName("2mass"));
        refused(400, () -> PersonalNames.checkTableName("a-b"));
        refused(400, () -> PersonalNames.checkTableName("\"t\""));
    }

    @Test
    void columnNamesFollowTheRules() {
        assertDoesNotThrow(() -> PersonalNames.checkColumns(List.of(column("RA"), column("dec"), column("size")), 1000));
        TableRequestException system = refused(400, () -> PersonalNames.checkColumns(List.of(column("xmin")), 1000));
        assertTrue(system.getMessage().contains("xmin"), system.getMessage());
        refused(400, () -> PersonalNames.checkColumns(List.of(column("OID")), 1000));
        TableRequestException twice = refused(400, () -> PersonalNames.checkColumns(List.of(column("RA"), column("ra")), 1000));
        assertTrue(twice.getMessage().contains("'ra' twice"), twice.getMessage());
        refused(400, () -> PersonalNames.checkColumns(List.of(column("c".repeat(64))), 1000));
        refused(400, () -> PersonalNames.checkColumns(List.of(column("_x")), 1000));
        refused(400, () -> PersonalNames.checkColumns(List.of(column("a b")), 1000));
        refused(400, () -> PersonalNames.checkColumns(List.of(), 1000));
        refused(400, () -> PersonalNames.checkColumns(
            List.of(new ColumnSpec("x", null, null, null, null, null, null, null)), 1000));
    }

    @Test
    void atMostTheLimitOfColumns() {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            columns.add(column("c" + i));
        }
        TableRequestException e = refused(400, () -> PersonalNames.checkColumns(columns, 1000));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
        assertDoesNotThrow(() -> PersonalNames.checkColumns(columns.subList(0, 1000), 1000));
    }

    @Test
    void textsHaveLimits() {
        assertDoesNotThrow(() -> PersonalNames.checkTexts(new TableSpec("d".repeat(4000), null,
            List.of(new ColumnSpec("x", "double", null, null, "u".repeat(256), null, null, null)))));
        refused(400, () -> PersonalNames.checkTexts(new TableSpec("d".repeat(4001), null, List.of())));
        TableRequestException unit = refused(400, () -> PersonalNames.checkTexts(new TableSpec(null, null,
            List.of(new ColumnSpec("x", "double", null, null, "u".repeat(257), null, null, null)))));
        assertTrue(unit.getMessage().contains("unit of column x"), unit.getMessage());
    }
}
