package org.voarchive.adql.check;

import java.util.List;

/**
 * A catalogue for tests: the two demo tables as the metadata describes them,
 * two same-named tables in different schemas, and TAP_SCHEMA's reserved "size".
 */
public final class TestCatalog {

    private TestCatalog() {
    }

    private static ColumnInfo col(String name, ValueType type, String unit, String ucd, String description) {
        return new ColumnInfo(name, type, unit, ucd, null, description);
    }

    public static final Catalog CATALOG = () -> List.of(
        new TableInfo("demo", "bsc5", "Bright stars", List.of(
            col("hr", ValueType.INT, null, "meta.id;meta.main", "HR number"),
            col("name", ValueType.TEXT, null, "meta.id", "Name"),
            col("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
            col("dec", ValueType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"),
            col("vmag", ValueType.FLOAT, "mag", "phot.mag;em.opt.V", "V magnitude"))),
        new TableInfo("demo", "kstars", "KStars", List.of(
            col("star_id", ValueType.INT, null, "meta.id;meta.main", "Sequence number"),
            col("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
            col("dec", ValueType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"),
            col("bayer_name", ValueType.TEXT, null, null, "Bayer name"))),
        new TableInfo("cat_a", "stars", "", List.of(ColumnInfo.of("id", ValueType.INT))),
        new TableInfo("cat_b", "stars", "", List.of(ColumnInfo.of("id", ValueType.INT))),
        new TableInfo("tap_schema", "columns", "", List.of(ColumnInfo.of("size", ValueType.INT),
            ColumnInfo.of("Mixed", ValueType.TEXT))));

}
