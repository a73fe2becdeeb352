package org.voarchive.scs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.voarchive.adql.ReservedWords;
import org.voarchive.dali.DaliException;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;

/**
 * One cone search as ADQL, so that it takes the path of every TAP query
 * (access checks, result metadata, the pg_sphere index on POINT(ra, dec)):
 * the columns of the verbosity, the ID as text (SCS wants a character ID),
 * the distance from the centre, the rows in the cone, nearest first.
 *
 * @param columns the result's columns in order, with the role each plays for SCS
 */
record ConeSearchQuery(String adql, List<Output> columns, long maxrec) {

    /** What a result column is to a cone search client. */
    enum Role { ID, RA, DEC, DISTANCE, OTHER }

    /** @param column the table's column it shows, null for the distance */
    record Output(Role role, PublishedMetadata.Column column) {
    }

    /** The distance column's name, as VizieR calls it. */
    static final String DISTANCE = "_r";

    /**
     * @param maxRecords the most rows this cone search returns
     * @throws DaliException 500 if the settings name columns the table no longer has
     */
    static ConeSearchQuery of(PublishedMetadata.Table table, ConeRequest request, long maxRecords) throws DaliException {
        ConeSearchSettings settings = table.coneSearch();
        List<PublishedMetadata.Column> readable = table.columns().stream().filter(PublishedMetadata.Column::queryable).toList();
        PublishedMetadata.Column id = column(table, readable, settings.idColumn());
        PublishedMetadata.Column ra = column(table, readable, settings.raColumn());
        PublishedMetadata.Column dec = column(table, readable, settings.decColumn());
        Set<String> wanted = new LinkedHashSet<>(List.of(id.name(), ra.name(), dec.name()));
        if (request.verb() >= 1) {
            wanted.addAll(settings.verb1());
        }
        if (request.verb() >= 2) {
            wanted.addAll(settings.verb2());
        }
        List<String> select = new ArrayList<>();
        List<Output> roles = new ArrayList<>();
        for (PublishedMetadata.Column c : readable) {
            if (request.verb() < 3 && !wanted.contains(c.name())) {
                continue;
            }
            Role role = c == id ? Role.ID : c == ra ? Role.RA : c == dec ? Role.DEC : Role.OTHER;
            boolean text = "char".equals(c.type().datatype()) || "unicodeChar".equals(c.type().datatype());
            select.add(role == Role.ID && !text ? "CAST(" + c.tapName() + " AS VARCHAR) AS " + c.tapName() : c.tapName());
            roles.add(new Output(role, c));
        }
        String point = "POINT(" + ra.tapName() + ", " + dec.tapName() + ")";
        String centre = number(request.ra()) + ", " + number(request.dec());
        select.add("DISTANCE(" + point + ", POINT(" + centre + ")) AS \"" + DISTANCE + "\"");
        roles.add(new Output(Role.DISTANCE, null));
        String adql = "SELECT " + String.join(", ", select)
            + " FROM " + ReservedWords.identifier(table.schema()) + "." + ReservedWords.identifier(table.name())
            + " WHERE " + within(point, request)
            + " ORDER BY \"" + DISTANCE + "\"";
        long maxrec = request.metadataOnly() ? 0 : Math.min(request.maxrec().orElse(maxRecords), maxRecords);
        return new ConeSearchQuery(adql, List.copyOf(roles), maxrec);
    }

    /**
     * The cone as a condition. SR may be up to 180 degrees (the whole sky), but a pg_sphere circle at
     * most 90: a larger cone is everything outside the circle of 180 - SR around the opposite point.
     */
    static String within(String point, ConeRequest request) {
        if (request.sr() <= 90) {
            return "1 = CONTAINS(" + point + ", CIRCLE(" + number(request.ra()) + ", " + number(request.dec()) + ", "
                + number(request.sr()) + "))";
        }
        double antipodeRa = request.ra() >= 180 ? request.ra() - 180 : request.ra() + 180;
        return "0 = CONTAINS(" + point + ", CIRCLE(" + number(antipodeRa) + ", " + number(-request.dec()) + ", "
            + number(180 - request.sr()) + "))";
    }

    private static PublishedMetadata.Column column(PublishedMetadata.Table table, List<PublishedMetadata.Column> readable,
                                                   String name) throws DaliException {
        return readable.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new DaliException(500,
            "the cone search of " + table.qualifiedName() + " names column " + name + ", which the table does not have"
                + " (any more); the operators must correct its settings"));
    }

    /** A literal ADQL reads exactly: plain decimal notation, no exponent. */
    private static String number(double degrees) {
        return BigDecimal.valueOf(degrees).toPlainString();
    }
}
