package org.voarchive.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.check.ValueType;
import org.voarchive.dali.DaliException;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.tap.OutputFormat;

class ConeSearchQueryTest {

    private static PublishedMetadata.Column column(String name, String tapName, ValueType type, boolean queryable) {
        return new PublishedMetadata.Column(name, tapName, "about " + name, null, null, null, type, false, false, false,
            queryable, false);
    }

    private static final List<PublishedMetadata.Column> COLUMNS = List.of(
        column("seq", "seq", ValueType.INT, true),
        column("ra", "ra", ValueType.DOUBLE, true),
        column("de", "de", ValueType.DOUBLE, true),
        column("size", "\"size\"", ValueType.DOUBLE, true),
        column("mag", "mag", ValueType.DOUBLE, true),
        column("secret", "secret", ValueType.DOUBLE, false));

    private static PublishedMetadata.Table table(String schema, String name, ConeSearchSettings settings) {
        return new PublishedMetadata.Table(schema, name, "table", null, null, null, 10L, true, COLUMNS, List.of(), settings,
            PublishedMetadata.Publication.NONE);
    }

    private static final ConeSearchSettings SETTINGS = new ConeSearchSettings(null, "seq", "ra", "de", List.of("size"),
        List.of("mag"), null, null, null, null);

    private static ConeRequest request(int verb, OptionalLong maxrec, double sr) {
        return new ConeRequest(359.5, -89.25, sr, verb, maxrec, OutputFormat.VOTABLE_TABLEDATA, null);
    }

    @Test
    void verbositiesChooseTheColumnsInTableOrderWithTheIdAsTextAndTheDistanceLast() throws DaliException {
        ConeSearchQuery one = ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(1, OptionalLong.empty(), 0.25), 50);
        assertEquals("SELECT CAST(seq AS VARCHAR) AS seq, ra, de, \"size\", DISTANCE(POINT(ra, de), POINT(359.5, -89.25))"
            + " AS \"_r\" FROM cat.obj WHERE 1 = CONTAINS(POINT(ra, de), CIRCLE(359.5, -89.25, 0.25)) ORDER BY \"_r\"",
            one.adql());
        assertEquals(List.of(ConeSearchQuery.Role.ID, ConeSearchQuery.Role.RA, ConeSearchQuery.Role.DEC,
            ConeSearchQuery.Role.OTHER, ConeSearchQuery.Role.DISTANCE),
            one.columns().stream().map(ConeSearchQuery.Output::role).toList());
        assertTrue(ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(2, OptionalLong.empty(), 1), 50).adql()
            .startsWith("SELECT CAST(seq AS VARCHAR) AS seq, ra, de, \"size\", mag, DISTANCE("));
        String all = ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(3, OptionalLong.empty(), 1), 50).adql();
        assertTrue(all.startsWith("SELECT CAST(seq AS VARCHAR) AS seq, ra, de, \"size\", mag, DISTANCE("), "not the secret");
        for (int verb = 1; verb <= 3; verb++) {
            QueryParser.syntaxOnly().parse(ConeSearchQuery.of(table("cat", "obj", SETTINGS),
                request(verb, OptionalLong.empty(), 1e-7), 50).adql()); // valid ADQL, tiny radii in plain notation too
        }
    }

    @Test
    void namesThatAreNoRegularIdentifiersAreDelimited() throws DaliException {
        String adql = ConeSearchQuery.of(table("My Cat", "select", SETTINGS), request(1, OptionalLong.empty(), 1), 5).adql();
        assertTrue(adql.contains(" FROM \"My Cat\".\"select\" WHERE "), adql);
    }

    @Test
    void maxRecordsCapsMaxrecAndMetadataQueriesAskForNoRows() throws DaliException {
        PublishedMetadata.Table t = table("cat", "obj", SETTINGS);
        assertEquals(50, ConeSearchQuery.of(t, request(2, OptionalLong.empty(), 1), 50).maxrec());
        assertEquals(7, ConeSearchQuery.of(t, request(2, OptionalLong.of(7), 1), 50).maxrec());
        assertEquals(50, ConeSearchQuery.of(t, request(2, OptionalLong.of(5000), 1), 50).maxrec());
        assertEquals(0, ConeSearchQuery.of(t, request(2, OptionalLong.empty(), 0), 50).maxrec());
        assertEquals(0, ConeSearchQuery.of(t, request(2, OptionalLong.of(0), 1), 50).maxrec());
    }

    @Test
    void settingsNamingAColumnTheCallerCannotReadAreAFaultOfTheService() {
        ConeSearchSettings stale = new ConeSearchSettings(null, "gone", "ra", "de", List.of(), List.of(), null, null, null,
            null);
        DaliException e = assertThrows(DaliException.class,
            () -> ConeSearchQuery.of(table("cat", "obj", stale), request(1, OptionalLong.empty(), 1), 5));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("gone"), e.getMessage());
    }

    @Test
    void conesOverNinetyDegreesAreTheOutsideOfTheOppositeCircleUpToTheWholeSky() throws DaliException {
        String wide = ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(1, OptionalLong.empty(), 120), 50).adql();
        assertTrue(wide.contains("WHERE 0 = CONTAINS(POINT(ra, de), CIRCLE(179.5, 89.25, 60.0)) ORDER BY"), wide);
        String sky = ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(1, OptionalLong.empty(), 180), 50).adql();
        assertTrue(sky.contains("CIRCLE(179.5, 89.25, 0.0)"), sky);
        assertTrue(ConeSearchQuery.of(table("cat", "obj", SETTINGS), request(1, OptionalLong.empty(), 90), 50).adql()
            .contains("1 = CONTAINS(POINT(ra, de), CIRCLE(359.5, -89.25, 90.0))"));
        QueryParser.syntaxOnly().parse(wide);
    }
}
