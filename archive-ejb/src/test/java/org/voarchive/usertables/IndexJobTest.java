package org.voarchive.usertables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.TableName;

/** What an index job builds (design §4.4), and what it refuses with the message its ERROR phase shows. */
class IndexJobTest {

    private static ColumnSpec column(String name, String datatype, String arraysize, String xtype, String ucd) {
        return new ColumnSpec(name, datatype, arraysize, xtype, null, ucd, null, null);
    }

    private static final List<ColumnSpec> TARGETS = List.of(
        column("id", "long", null, null, "meta.id"),
        column("RA", "double", null, null, "pos.eq.ra;meta.main"),
        column("Dec", "double", null, null, "pos.eq.dec;meta.main"),
        column("name", "char", "*", null, null),
        column("pos", "double", "2", "point", null),
        column("mags", "float", "5", null, null));

    private static PersonalTable table(List<ColumnSpec> columns, List<String> indexed) {
        return new PersonalTable(1, new TableName("user_alice", "targets"), "alice", 0, 0, Sharing.PRIVATE, "created",
            Instant.EPOCH, null, columns, indexed, List.of());
    }

    private static IndexJob.Plan plan(String column, boolean unique, IndexJob.Method method) {
        return IndexJob.plan(table(TARGETS, List.of()), column, unique, Optional.ofNullable(method));
    }

    @Test
    void aPositionGetsTheIndexAdqlsPointUses() {
        IndexJob.Plan plan = plan("ra", false, null);
        assertEquals("CREATE INDEX ON \"user_alice\".\"targets\" USING gist (spoint(radians(\"RA\"), radians(\"Dec\")))",
            plan.sql());
        assertEquals(List.of("RA", "Dec"), plan.columns());
        assertEquals(plan.sql(), plan("Dec", false, IndexJob.Method.SPATIAL).sql());
    }

    @Test
    void btreeByDefaultOrWhenAsked() {
        assertEquals("CREATE UNIQUE INDEX ON \"user_alice\".\"targets\" (\"id\")", plan("id", true, null).sql());
        assertEquals("CREATE INDEX ON \"user_alice\".\"targets\" (\"name\")", plan("name", false, null).sql());
        assertEquals("CREATE INDEX ON \"user_alice\".\"targets\" (\"RA\")", plan("RA", false, IndexJob.Method.BTREE).sql());
        assertEquals("CREATE INDEX ON \"user_alice\".\"targets\" USING gist (\"pos\")", plan("pos", false, null).sql());
    }

    @Test
    void refusalsNameTheColumnAndTheRule() {
        assertTrue(assertThrows(TableRequestException.class, () -> plan("nosuch", false, null)).getMessage()
            .startsWith("INDEX=nosuch: user_alice.targets has no such column"));
        assertTrue(assertThrows(TableRequestException.class, () -> plan("ra", true, null)).getMessage()
            .contains("a spatial index cannot be UNIQUE"));
        assertTrue(assertThrows(TableRequestException.class, () -> plan("pos", false, IndexJob.Method.BTREE))
            .getMessage().contains("a point column takes no B-tree index"));
        assertTrue(assertThrows(TableRequestException.class, () -> plan("mags", false, null)).getMessage()
            .contains("an array column takes no B-tree index"));
        assertTrue(assertThrows(TableRequestException.class, () -> plan("id", false, IndexJob.Method.SPATIAL))
            .getMessage().contains("neither a point, circle or polygon nor a position"));
        PersonalTable indexed = table(TARGETS, List.of("id"));
        assertEquals("INDEX=id: the column is indexed already", assertThrows(TableRequestException.class,
            () -> IndexJob.plan(indexed, "id", false, Optional.empty())).getMessage());
    }

    @Test
    void twoRightAscensionsMakeNoPair() {
        List<ColumnSpec> two = List.of(column("ra", "double", null, null, "pos.eq.ra"),
            column("ra2", "double", null, null, "pos.eq.ra"), column("dec", "double", null, null, "pos.eq.dec"));
        assertEquals("CREATE INDEX ON \"user_alice\".\"targets\" (\"ra\")",
            IndexJob.plan(table(two, List.of()), "ra", false, Optional.empty()).sql());
    }
}
