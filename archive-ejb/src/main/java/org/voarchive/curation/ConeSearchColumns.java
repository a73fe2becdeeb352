package org.voarchive.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.InvalidField;

/**
 * Checks cone search settings against a table's columns and fills in what an
 * edit left out: the ID, RA and Dec columns found by their UCDs (UCD1+, or the
 * UCD1 words of SCS 1.03), the principal columns for VERB=2. A bad value is an
 * {@link InvalidField} naming it.
 */
final class ConeSearchColumns {

    private static final Set<String> FLOATING = Set.of("double", "float");

    private ConeSearchColumns() {
    }

    /** Settings with every default filled in and every column checked; the test query stays as given. */
    static ConeSearchSettings complete(ConeSearchSettings edit, List<ColumnRecord> columns) {
        String id = column("idColumn", edit.idColumn(), columns, "meta.id;meta.main", "ID_MAIN");
        String ra = column("raColumn", edit.raColumn(), columns, "pos.eq.ra;meta.main", "POS_EQ_RA_MAIN");
        String dec = column("decColumn", edit.decColumn(), columns, "pos.eq.dec;meta.main", "POS_EQ_DEC_MAIN");
        for (String[] position : new String[][] {{"raColumn", ra}, {"decColumn", dec}}) {
            ColumnRecord c = find(columns, position[1]).orElseThrow();
            if (!FLOATING.contains(c.datatype()) || c.arraysize() != null) {
                throw new InvalidField(position[0], position[1] + " is " + c.datatype()
                    + (c.arraysize() == null ? "" : "[" + c.arraysize() + "]") + "; a position needs a float or double column");
            }
        }
        if (ra.equals(dec)) {
            throw new InvalidField("decColumn", "RA and Dec must be different columns");
        }
        List<String> verb1 = names("verb1", edit.verb1() == null ? List.of() : edit.verb1(), columns);
        List<String> verb2 = names("verb2", edit.verb2() == null
            ? columns.stream().filter(c -> Boolean.TRUE.equals(c.principal())).map(ColumnRecord::name).toList()
            : edit.verb2(), columns);
        if (edit.maxSR() != null && !(edit.maxSR() > 0 && edit.maxSR() <= 180)) {
            throw new InvalidField("maxSR", "must be more than 0 and at most 180 degrees (or absent: no limit)");
        }
        if (edit.maxRecords() != null && edit.maxRecords() < 1) {
            throw new InvalidField("maxRecords", "must be at least 1 (or absent: TAP's default MAXREC)");
        }
        ConeSearchSettings.TestQuery test = edit.testQuery();
        if (test != null) {
            checkCone("testQuery", test.ra(), test.dec(), test.sr(), edit.maxSR());
        }
        return new ConeSearchSettings(null, id, ra, dec, verb1, verb2, edit.maxSR(), edit.maxRecords(), test, null);
    }

    /** What enabling without any choices would store, as far as the columns tell (null where they do not). */
    static ConeSearchSettings detected(List<ColumnRecord> columns) {
        return new ConeSearchSettings(null, byUcd(columns, "meta.id;meta.main", "ID_MAIN").orElse(null),
            byUcd(columns, "pos.eq.ra;meta.main", "POS_EQ_RA_MAIN").orElse(null),
            byUcd(columns, "pos.eq.dec;meta.main", "POS_EQ_DEC_MAIN").orElse(null), List.of(),
            columns.stream().filter(c -> Boolean.TRUE.equals(c.principal())).map(ColumnRecord::name).toList(),
            null, null, null, null);
    }

    private static void checkCone(String field, double ra, double dec, double sr, Double maxSR) {
        if (!(ra >= 0 && ra <= 360) || !(dec >= -90 && dec <= 90)) {
            throw new InvalidField(field, "ra must be within [0, 360] and dec within [-90, 90] degrees");
        }
        if (!(sr > 0 && sr <= (maxSR == null ? 180 : maxSR))) {
            throw new InvalidField(field, "sr must be more than 0 and at most maxSR");
        }
    }

    private static String column(String field, String given, List<ColumnRecord> columns, String ucd1plus, String ucd1) {
        if (given != null) {
            return find(columns, given).map(ColumnRecord::name)
                .orElseThrow(() -> new InvalidField(field, "the table has no column " + given));
        }
        return byUcd(columns, ucd1plus, ucd1).orElseThrow(() -> new InvalidField(field,
            "no column has the UCD " + ucd1plus + " (or " + ucd1 + "); name the column, or give one that UCD"));
    }

    private static Optional<String> byUcd(List<ColumnRecord> columns, String ucd1plus, String ucd1) {
        List<String> found = columns.stream().filter(c -> c.ucd() != null)
            .filter(c -> c.ucd().equalsIgnoreCase(ucd1plus) || c.ucd().equalsIgnoreCase(ucd1))
            .map(ColumnRecord::name).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty(); // two candidates: the operator decides
    }

    private static List<String> names(String field, List<String> given, List<ColumnRecord> columns) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i);
            String at = field + "[" + i + "]";
            names.add(find(columns, name).map(ColumnRecord::name)
                .orElseThrow(() -> new InvalidField(at, "the table has no column " + name)));
        }
        return names.stream().distinct().toList();
    }

    private static Optional<ColumnRecord> find(List<ColumnRecord> columns, String name) {
        return name == null ? Optional.empty() : columns.stream().filter(c -> c.name().equals(name)).findFirst()
            .or(() -> columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst());
    }
}
