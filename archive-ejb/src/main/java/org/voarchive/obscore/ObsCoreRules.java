package org.voarchive.obscore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voarchive.metadata.InvalidField;

/**
 * What a mapping may say: only ObsCore 1.1 columns, one kind of source each, source columns that the
 * table publishes to everyone in a type the ObsCore column can take, constants of the column's type, and
 * values for the columns the standard forbids to be NULL. Errors name the field as the admin API got it
 * ({@code columns.<obscore column>}).
 */
public final class ObsCoreRules {

    /** DataLink 1.1 section 3.3: the MIME type of a links document, ObsCore's access_format for it. */
    public static final String DATALINK_FORMAT = "application/x-votable+xml;content=datalink";

    /** ObsCore 1.1 section 4.1 (and 3.3.1 for measurements). */
    static final Set<String> DATAPRODUCT_TYPES = Set.of("image", "cube", "spectrum", "sed", "timeseries",
        "visibility", "event", "measurements");

    private ObsCoreRules() {
    }

    /**
     * @return the checked sources in the standard's column order, access_format filled in for a Datalink access_url
     * @throws InvalidField naming the first problem
     */
    public static Map<ObsCoreColumn, ObsCoreSource> check(ObsCoreMapping mapping, SourceTable table) {
        if (!table.readable()) {
            throw new InvalidField("table", table.name() + " cannot be mapped to ObsCore:"
                + " only tables published with PUBLIC data and metadata in a schema published so (ivoa.obscore is"
                + " public to everyone)");
        }
        if (Set.of("ivoa", "tap_schema", "archive").contains(table.schema().toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidField("table", table.schema() + " holds what the archive generates or keeps for itself:"
                + " map the tables of a science schema");
        }
        Map<String, ObsCoreSource> given = mapping.columns() == null ? Map.of() : mapping.columns();
        for (String name : given.keySet()) {
            if (ObsCoreColumn.named(name).isEmpty()) {
                throw new InvalidField("columns." + name, "not an ObsCore 1.1 column (names are lower case: "
                    + String.join(", ", ObsCoreColumn.ALL.stream().map(ObsCoreColumn::name).toList()) + ")");
            }
        }
        Map<ObsCoreColumn, ObsCoreSource> checked = new LinkedHashMap<>();
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            ObsCoreSource s = given.get(c.name());
            if (s != null) {
                checked.put(c, check(c, s, table));
            }
        }
        ObsCoreColumn accessUrl = ObsCoreColumn.named("access_url").orElseThrow();
        ObsCoreColumn accessFormat = ObsCoreColumn.named("access_format").orElseThrow();
        if (checked.containsKey(accessUrl) && checked.get(accessUrl).datalink() != null) {
            ObsCoreSource format = checked.get(accessFormat);
            if (format != null && !DATALINK_FORMAT.equals(format.value())) {
                throw new InvalidField("columns.access_format", "access_url is a Datalink links URL: access_format is "
                    + DATALINK_FORMAT + " (leave it out)");
            }
            checked.put(accessFormat, ObsCoreSource.ofValue(DATALINK_FORMAT));
        }
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            if (c.required() && !checked.containsKey(c)) {
                throw new InvalidField("columns." + c.name(), "ObsCore requires a value in " + c.name()
                    + ": map a column or give a value");
            }
        }
        // the standard's order, access_format included
        Map<ObsCoreColumn, ObsCoreSource> ordered = new LinkedHashMap<>();
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            if (checked.containsKey(c)) {
                ordered.put(c, checked.get(c));
            }
        }
        return ordered;
    }

    /** The source columns a checked mapping reads (each once, in order). */
    public static List<String> sourceColumns(Map<ObsCoreColumn, ObsCoreSource> checked) {
        List<String> names = new ArrayList<>();
        for (ObsCoreSource s : checked.values()) {
            String n = s.sourceColumn();
            if (n != null && !names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }

    private static ObsCoreSource check(ObsCoreColumn c, ObsCoreSource s, SourceTable table) {
        String field = "columns." + c.name();
        int kinds = (s.column() != null ? 1 : 0) + (s.value() != null ? 1 : 0) + (s.datalink() != null ? 1 : 0)
            + (s.mjd() != null ? 1 : 0) + (s.ivoid() != null ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidField(field, "give exactly one of column, value, datalink, mjd, ivoid"
                + " (leave the column out for NULL)");
        }
        if (s.factor() != null && (s.column() == null || !c.isNumeric())) {
            throw new InvalidField(field + ".factor", "a factor goes with a numeric column only");
        }
        if (s.value() != null) {
            return ObsCoreSource.ofValue(constant(c, s.value(), field));
        }
        SourceTable.Column source = column(table, s.sourceColumn(), field);
        if (s.datalink() != null) {
            if (!c.name().equals("access_url")) {
                throw new InvalidField(field + ".datalink", "a Datalink links URL goes in access_url only");
            }
        } else if (s.ivoid() != null) {
            if (!c.isText()) {
                throw new InvalidField(field + ".ivoid", "an identifier goes in a string column (obs_publisher_did)");
            }
        } else if (s.mjd() != null) {
            if (!c.sqlType().equals("double precision") || !"timestamp".equals(source.type().xtype())) {
                throw new InvalidField(field + ".mjd", "an MJD is made of a date or timestamp column, for t_min"
                    + " or t_max");
            }
        } else if (c.name().equals("s_region")) {
            if (!"polygon".equals(source.type().xtype())) {
                throw new InvalidField(field + ".column", s.column() + " is not a polygon (a pg_sphere spoly or sbox"
                    + " column); s_region needs one");
            }
        } else if (c.isNumeric() && !source.type().isNumeric()) {
            throw new InvalidField(field + ".column", s.column() + " is not numeric; " + c.name() + " is a number");
        } else if (c.isText() && !(source.type().isString() || source.type().isNumeric())) {
            throw new InvalidField(field + ".column", s.column() + " is neither a string nor a number; " + c.name()
                + " is a string");
        }
        if (s.factor() != null && (s.factor().signum() == 0 || !source.type().isNumeric())) {
            throw new InvalidField(field + ".factor", "a factor multiplies a numeric column by a non-zero number");
        }
        return s;
    }

    private static SourceTable.Column column(SourceTable table, String name, String field) {
        SourceTable.Column column = table.columns().get(name);
        if (column == null) {
            throw new InvalidField(field, "no published column " + name + " in " + table.name()
                + " (names are case-sensitive)");
        }
        if (!column.readable()) {
            throw new InvalidField(field, "column " + name + " of " + table.name()
                + " is not published with PUBLIC data and metadata: ObsCore is public");
        }
        return column;
    }

    private static Object constant(ObsCoreColumn c, Object value, String field) {
        if (c.name().equals("s_region")) {
            throw new InvalidField(field + ".value", "s_region cannot be a constant: map a polygon column");
        }
        if (c.isText()) {
            if (!(value instanceof String text)) {
                throw new InvalidField(field + ".value", c.name() + " is a string: give a JSON string");
            }
            if (text.indexOf('\0') >= 0) {
                throw new InvalidField(field + ".value", "no NUL characters");
            }
            if (c.name().equals("dataproduct_type") && !DATAPRODUCT_TYPES.contains(text)) {
                throw new InvalidField(field + ".value", "not an ObsCore data product type: one of "
                    + String.join(", ", DATAPRODUCT_TYPES.stream().sorted().toList()));
            }
            return text;
        }
        BigDecimal number;
        try {
            number = value instanceof BigDecimal b ? b : value instanceof Number n ? new BigDecimal(n.toString()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            throw new InvalidField(field + ".value", c.name() + " is a number: give a JSON number");
        }
        if (!c.sqlType().equals("double precision")) {
            try {
                long whole = number.longValueExact();
                if (c.sqlType().equals("integer") && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)) {
                    throw new ArithmeticException();
                }
            } catch (ArithmeticException e) {
                throw new InvalidField(field + ".value", c.name() + " is an integer");
            }
        }
        if (c.name().equals("calib_level") && (number.intValue() < 0 || number.intValue() > 4)) {
            throw new InvalidField(field + ".value", "calib_level is 0, 1, 2, 3 or 4");
        }
        return number;
    }
}
