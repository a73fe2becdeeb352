package org.voarchive.usertables;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voarchive.database.DataSources;
import org.voarchive.database.Sql;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.uws.ErrorType;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;
import org.voarchive.uws.JobExecutor;
import org.voarchive.uws.JobFailure;
import org.voarchive.uws.JobResult;

/**
 * Builds an index on a personal table (design §4.4): the jobs of youcat's table-update list
 * ({@value #JOB_LIST}), with its parameters {@code TABLE}, {@code INDEX}, {@code UNIQUE} (read case-insensitively,
 * as pyvo and cadc-tap send them in lower case) and our {@code METHOD=btree|spatial}. Everything is checked here,
 * when the job runs, not when it is created (pyvo's create_index needs the 303 and loses any refusal's message):
 * a failed check ends the job in ERROR with its message, as youcat's TableUpdateRunner does.
 * <p>
 * A spatial index on a pg_sphere column is a GiST index on it; on a right ascension or declination (by UCD) whose
 * table has exactly one partner column of the other, a GiST index on {@code spoint(radians(ra), radians(dec))}:
 * exactly the expression ADQL's POINT translates to (archive-adql {@code postgres.Geometry}), so cones and
 * cross-matches on the table use it as written, as they use the one {@code table.TableLoader} builds for ingested
 * catalogues. Not CONCURRENTLY: the table is its owner's, and a plain build is one transaction with the metadata.
 */
@ApplicationScoped
public class IndexJob implements JobExecutor {

    public static final String JOB_LIST = "table-update";
    /** pg_sphere's types as VOTable xtypes (DALI), which take a GiST index and no unique one. */
    private static final Set<String> GEOMETRY_XTYPES = Set.of("point", "circle", "polygon");

    /** How an index is built. */
    enum Method { BTREE, SPATIAL }

    /** What the job builds: the index's expression and the columns it marks as indexed. */
    record Plan(String sql, List<String> columns, String what) {
    }

    @EJB
    DataSources dataSources;

    @Inject
    PersonalTables personal;

    @Override
    public String jobList() {
        return JOB_LIST;
    }

    @Override
    public List<JobResult> execute(Job job, JobContext context) throws JobFailure {
        String tableParameter = required(job, "TABLE", "the table, schema.table");
        String column = required(job, "INDEX", "the column to index");
        boolean unique = bool(job, "UNIQUE");
        Optional<Method> method = method(job);
        if (job.ownerId() == null) {
            throw fatal("indexes are built on their owners' tables, and this job has no owner");
        }
        try (Connection c = dataSources.app().getConnection()) {
            if (!context.cancellation().attach(c)) {
                throw fatal("aborted before it started");
            }
            try {
                Optional<String> done = context.recordedEffect(c);
                if (done.isPresent()) {
                    // an earlier attempt built it and its node died before recording the outcome
                    context.progress(done.get(), true);
                    return List.of();
                }
                c.setAutoCommit(false);
                Caller caller = Caller.of(c, job.ownerId());
                PersonalTable table = personal.writable(c, caller, PersonalNames.parse(tableParameter, caller.name()));
                Plan plan = plan(table, column, unique, method);
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = " + context.remainingSeconds() * 1000L);
                    s.execute(plan.sql());
                }
                markIndexed(c, table.name(), plan.columns());
                personal.settle(c, table, 0);
                String built = plan.what() + " built on " + table.name();
                context.recordEffect(c, built); // run again after its node died, the job finds it built
                c.commit();
                context.progress(built, true);
                return List.of();
            } finally {
                context.cancellation().release(c);
            }
        } catch (TableRequestException e) {
            throw fatal(e.getMessage());
        } catch (SQLException e) {
            if (context.cancellation().isCancelled()) {
                throw fatal("aborted: the index build was cancelled, nothing was built");
            }
            throw fatal("the database refused the index: " + e.getMessage());
        }
    }

    /**
     * What to build for {@code column} of {@code table}, or the refusal: no such column, already indexed, unique on
     * a geometry or an array (youcat's PostgresDataTypeMapper allows neither), spatial on a column that is no
     * position.
     */
    static Plan plan(PersonalTable table, String column, boolean unique, Optional<Method> method) {
        ColumnSpec target = column(table.columns(), column).orElseThrow(() -> new TableRequestException(400,
            "INDEX=" + column + ": " + table.name() + " has no such column; its columns are "
                + table.columns().stream().map(ColumnSpec::name).toList()));
        if (table.indexed().contains(target.name())) {
            throw new TableRequestException(409, "INDEX=" + target.name() + ": the column is indexed already");
        }
        boolean geometry = target.xtype() != null && GEOMETRY_XTYPES.contains(target.xtype().toLowerCase(Locale.ROOT));
        Optional<ColumnSpec[]> pair = raDecPair(table.columns(), target);
        Method how = method.orElse(geometry || pair.isPresent() ? Method.SPATIAL : Method.BTREE);
        String name = table.name().sql();
        if (how == Method.SPATIAL) {
            if (unique) {
                throw new TableRequestException(400, "INDEX=" + target.name() + ": a spatial index cannot be UNIQUE");
            }
            if (geometry) {
                return new Plan("CREATE INDEX ON " + name + " USING gist (" + Sql.identifier(target.name()) + ")",
                    List.of(target.name()), "a spatial (GiST) index on " + target.name());
            }
            ColumnSpec[] radec = pair.orElseThrow(() -> new TableRequestException(400, "INDEX=" + target.name()
                + " METHOD=spatial: the column is neither a point, circle or polygon nor a position with one partner "
                + "(UCDs pos.eq.ra and pos.eq.dec, one column each)"));
            return new Plan("CREATE INDEX ON " + name + " USING gist (spoint(radians(" + Sql.identifier(radec[0].name())
                + "), radians(" + Sql.identifier(radec[1].name()) + ")))", List.of(radec[0].name(), radec[1].name()),
                "a spatial (GiST) index on the position (" + radec[0].name() + ", " + radec[1].name() + ")");
        }
        if (geometry || target.arraysize() != null && !isText(target)) {
            throw new TableRequestException(400, "INDEX=" + target.name() + ": " + (geometry ? "a " + target.xtype()
                : "an array") + " column takes no B-tree index" + (geometry ? "; give METHOD=spatial or leave METHOD out"
                : ""));
        }
        return new Plan("CREATE " + (unique ? "UNIQUE " : "") + "INDEX ON " + name + " (" + Sql.identifier(target.name())
            + ")", List.of(target.name()), "a" + (unique ? " unique" : "") + " B-tree index on " + target.name());
    }

    /** The column of that name; case-insensitively if no column has it exactly (names are unique ignoring case). */
    private static Optional<ColumnSpec> column(List<ColumnSpec> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
            .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
    }

    /** Right ascension and declination, when {@code target} is one of them and the table has one of each. */
    private static Optional<ColumnSpec[]> raDecPair(List<ColumnSpec> columns, ColumnSpec target) {
        List<ColumnSpec> ra = columns.stream().filter(c -> ucdStarts(c, "pos.eq.ra")).toList();
        List<ColumnSpec> dec = columns.stream().filter(c -> ucdStarts(c, "pos.eq.dec")).toList();
        if (ra.size() != 1 || dec.size() != 1 || !ra.contains(target) && !dec.contains(target)
                || !isNumber(ra.get(0)) || !isNumber(dec.get(0))) {
            return Optional.empty();
        }
        return Optional.of(new ColumnSpec[] {ra.get(0), dec.get(0)});
    }

    private static boolean ucdStarts(ColumnSpec c, String ucd) {
        return c.ucd() != null && c.ucd().toLowerCase(Locale.ROOT).startsWith(ucd);
    }

    private static boolean isNumber(ColumnSpec c) {
        return c.arraysize() == null && Set.of("short", "int", "long", "float", "double").contains(c.datatype());
    }

    /** char and unicodeChar with an arraysize are strings, not arrays. */
    private static boolean isText(ColumnSpec c) {
        return c.datatype().equals("char") || c.datatype().equals("unicodeChar");
    }

    /** TAP_SCHEMA.columns.indexed = 1 for the columns the index serves (both of a position's). */
    private static void markIndexed(Connection c, TableName table, List<String> columns) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE archive.columns SET indexed = true, updated = now(), "
                + "version = version + 1 WHERE name = ANY (?) AND table_id = (SELECT t.id FROM archive.tables t "
                + "JOIN archive.schemas s ON s.id = t.schema_id WHERE s.name = ? AND t.name = ?)")) {
            s.setArray(1, c.createArrayOf("text", columns.toArray()));
            s.setString(2, table.schema());
            s.setString(3, table.table());
            s.executeUpdate();
        }
    }

    private static String required(Job job, String name, String what) throws JobFailure {
        return job.parameter(name).map(String::strip).filter(v -> !v.isEmpty())
            .orElseThrow(() -> fatal(name + " is missing: give " + name + "=" + what));
    }

    private static boolean bool(Job job, String name) throws JobFailure {
        Optional<String> value = job.parameter(name).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (value.isEmpty() || value.get().equals("false")) {
            return false;
        }
        if (value.get().equals("true")) {
            return true;
        }
        throw fatal(name + "=" + value.get() + ": give true or false");
    }

    private static Optional<Method> method(Job job) throws JobFailure {
        Optional<String> value = job.parameter("METHOD").map(v -> v.strip().toUpperCase(Locale.ROOT));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Method.valueOf(value.get()));
        } catch (IllegalArgumentException e) {
            throw fatal("METHOD=" + value.get().toLowerCase(Locale.ROOT) + ": give btree or spatial");
        }
    }

    private static JobFailure fatal(String message) {
        return new JobFailure(ErrorType.FATAL, message);
    }
}
