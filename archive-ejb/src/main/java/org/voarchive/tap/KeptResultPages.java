package org.voarchive.tap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.database.Cancellation;
import org.voarchive.database.DataSources;
import org.voarchive.database.DatabaseErrors;
import org.voarchive.database.ReadRouting;
import org.voarchive.database.Sql;
import org.voarchive.database.Transactions;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.uws.ExecutionPhase;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobAccess;
import org.voarchive.uws.JobStore;
import org.voarchive.uws.UwsException;

/**
 * A kept result ({@link KeptResults}) read again: a page of it as JSON, for the portal's result table, and the
 * whole of it in any TAP output format, through the writers of TAP's own results. Access is the job's
 * ({@link JobAccess}: its owner's; an anonymous job's anyone's who has its id), the result must have
 * COMPLETED, and its table been kept. Pages are read by the row number's key (unsorted) or by an index on the
 * sort column and the row number, built the first time the table is sorted by that column, so that any page of
 * a million rows is an index scan of its rows only, or an index-only scan of the rows before it or after it,
 * whichever are fewer. The SQL is fixed, built from the stored, quoted names; reads run on the application role
 * in read-only transactions with a statement timeout, on a replica that has the table where one may serve them
 * ({@link ReadRouting}); the job's record, a first read's table and a first sort's index are the primary's.
 */
@ApplicationScoped
// each method runs its own JDBC transactions; inside a caller's, the connection would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class KeptResultPages {

    private static final Logger LOG = Logger.getLogger(KeptResultPages.class.getName());
    /** The most a page's read or a download's fetch of rows may take. */
    private static final long READ_TIMEOUT_MILLIS = 30_000;
    /** The most building a sort index may take (a kept result has at most MAXREC's hard limit of rows). */
    private static final long INDEX_TIMEOUT_MILLIS = 600_000;

    @EJB
    DataSources dataSources;

    @EJB
    JobStore store;

    @Inject
    QueryService queries;

    @Inject
    KeptResults keptResults;

    @Inject
    TapLimits limits;

    @Inject
    ReadRouting routing;

    /**
     * A page of a job's kept result, as the JSON object the portal reads: the job, the result's rows and whether
     * MAXREC cut it, the page asked for, the query and its source tables, the columns with their FIELD metadata
     * and whether they hold Datalink IDs, and the page's rows as {@code data}, written as TAP's JSON results
     * write them ({@link JsonResultWriter}).
     *
     * @param callerName the authenticated caller, or null
     * @throws DaliException 400 for a sort the result cannot take, 401/403 for another's job, 404 for no such
     *                       job or no kept result, 409 for a job that has not completed, 5xx for faults here
     */
    public byte[] page(String jobId, String callerName, ResultPageRequest request) throws DaliException {
        completedJob(jobId, callerName);
        try {
            KeptResult kept;
            Optional<Integer> sort;
            try (Connection c = dataSources.app().getConnection()) {
                kept = kept(c, jobId);
                sort = sortColumn(c, kept, request.sort());
            }
            String table = kept.table().sql();
            long skip = request.offset();
            long take = request.limit();
            boolean fromEnd = false;
            if (sort.isPresent() && skip > kept.rows() / 2 && skip < kept.rows()) {
                // fewer rows follow the page than precede it: skip those, from the index's other end
                long end = Math.min(kept.rows(), skip + take);
                take = end - skip;
                skip = kept.rows() - end;
                fromEnd = true;
            }
            String sql = sort.isEmpty()
                ? "SELECT " + kept.selectList("t") + " FROM " + table + " t WHERE t." + row() + " > ? ORDER BY t."
                    + row() + " LIMIT ?"
                // the rows skipped are skipped in the sort index alone (index-only: COPY FREEZE made the table
                // all-visible); only the page's rows are read from the table
                : "SELECT " + kept.selectList("t") + " FROM (SELECT " + row() + " FROM " + table + " ORDER BY "
                    + order(kept, sort.get(), request.descending() != fromEnd, "") + " OFFSET ? LIMIT ?) p JOIN "
                    + table + " t ON t." + row() + " = p." + row() + " ORDER BY "
                    + order(kept, sort.get(), request.descending(), "t.");
            List<ResultField> fields = new ArrayList<>();
            for (KeptColumn column : kept.columns()) {
                fields.add(ResultField.of(column.resultColumn(), column.sqlType(), null));
            }
            try (Connection c = reading(kept, sort)) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, skip);
                    s.setLong(2, take);
                    try (ResultSet rs = s.executeQuery()) {
                        return json(kept, request, new ResultTable(rs, fields, Long.MAX_VALUE));
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failed("reading a page of the result of job " + jobId, e);
        } catch (java.io.IOException e) {
            throw new DaliException(500, "writing a page of the result of job " + jobId + " failed: " + e.getMessage());
        }
    }

    /**
     * A connection with a read-only transaction begun (with the read's time limit) to read a kept result's rows:
     * a replica's, if result pages may read there and it has the table and the sort's index (a kept table is
     * made in one transaction and never changes: present is fresh); else the primary's.
     */
    private Connection reading(KeptResult kept, Optional<Integer> sort) throws SQLException {
        Optional<Connection> replica = routing.appConnection(ReadRouting.Read.RESULTS);
        if (replica.isPresent()) {
            Connection c = replica.get();
            try {
                c.setAutoCommit(false);
                List<String> relations = new ArrayList<>(List.of(kept.table().sql()));
                sort.ifPresent(column -> relations.add(sortIndex(kept, column).sql()));
                if (ReadRouting.begin(c, READ_TIMEOUT_MILLIS, relations)) {
                    return c;
                }
                LOG.fine(() -> "the replica has no " + relations + " yet: the primary serves the kept result");
            } catch (SQLException e) {
                routing.failed(e);
            }
            RunningQuery.release(c, false);
        }
        Connection c = dataSources.app().getConnection();
        try {
            c.setAutoCommit(false);
            ReadRouting.begin(c, READ_TIMEOUT_MILLIS, List.of());
            return c;
        } catch (SQLException | RuntimeException e) {
            RunningQuery.release(c, false);
            throw e;
        }
    }

    private static byte[] json(KeptResult kept, ResultPageRequest request, ResultTable table) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.createGenerator(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            g.writeStartObject().write("job", kept.jobId()).write("rows", kept.rows()).write("overflow", kept.overflow())
                .write("offset", request.offset()).write("limit", request.limit());
            if (request.sort().isPresent()) {
                g.write("sort", request.sort().get());
            } else {
                g.writeNull("sort");
            }
            g.write("order", request.descending() ? "desc" : "asc").write("query", kept.query());
            g.writeStartArray("sourceTables");
            kept.sourceTables().forEach(g::write);
            g.writeEnd().writeStartArray("columns");
            for (int i = 0; i < table.getColumnCount(); i++) {
                g.writeStartObject();
                JsonResultWriter.writeColumn(g, table, i);
                g.write("datalink", kept.columns().get(i).datalink()).writeEnd();
            }
            g.writeEnd();
            JsonResultWriter.writeData(g, table);
            g.writeEnd();
        }
        if (table.status() == ResultTable.Status.ERROR) {
            throw new java.io.IOException(DatabaseErrors.primaryMessage(table.failure()), table.failure());
        }
        return bytes.toByteArray();
    }

    /**
     * A job's kept result, whole, in an output format of TAP's ({@code FORMAT}, any name RESPONSEFORMAT takes;
     * VOTable by default), written by TAP's own writers with the job's query, source tables, Datalink service
     * descriptors and Data Origin (the job's request, at the time it ran), in the result's order or sorted
     * ({@code sort}, {@code order}). The rows are read from the table's cursor as they are written.
     *
     * @return the result ready to write, owning its connection: the caller must write or close it
     * @throws DaliException as {@link #page}, and 400 for a format TAP does not have
     */
    public RunningQuery download(String jobId, String callerName, DaliParameters p) throws DaliException {
        Job job = completedJob(jobId, callerName);
        String formatName = p.single("FORMAT").filter(f -> !f.isBlank()).orElse(null);
        OutputFormat format = formatName == null ? OutputFormat.VOTABLE_BINARY2 : OutputFormat.forName(formatName)
            .orElseThrow(() -> DaliException.badRequest("FORMAT=" + formatName + " is not a result format of this "
                + "service; use one of votable, votable/b, votable/td, csv, tsv, fits, json or their MIME types"));
        Optional<String> sortName = ResultPageRequest.sort(p);
        boolean descending = ResultPageRequest.descending(p);
        DaliParameters parameters = AsyncQuery.parameters(job);
        // the request as the job ran it (it did: the job completed), in the format asked for now
        TapRequest ran = TapRequest.parse(parameters, Integer.MAX_VALUE);
        TapRequest request = new TapRequest(ran.query(), ran.lang(), format, formatName, OptionalLong.empty(),
            ran.runId(), List.of());
        PublishedMetadata metadata = queries.metadata(queries.caller(callerName));
        Connection c = null;
        try {
            KeptResult kept;
            Optional<Integer> sort;
            try (Connection primary = dataSources.app().getConnection()) {
                kept = kept(primary, jobId);
                sort = sortColumn(primary, kept, sortName);
            }
            ResultInfo info = queries.resultInfo(request, kept.sourceTables(), kept.datalinkColumns(),
                queries.origin("/tap/async", parameters, ran.query(), job.startTime()), metadata);
            List<ResultField> fields = new ArrayList<>();
            for (int i = 0; i < kept.columns().size(); i++) {
                fields.add(QueryService.field(kept.columns().get(i).resultColumn(), kept.columns().get(i).sqlType(), i, info));
            }
            String sql = "SELECT " + kept.selectList("t") + " FROM " + kept.table().sql() + " t ORDER BY "
                + (sort.isEmpty() ? "t." + row() : order(kept, sort.get(), descending, "t."));
            c = reading(kept, sort);
            Cancellation cancellation = new Cancellation();
            cancellation.attach(c); // a client that goes away stops the read (RunningQuery)
            Statement statement = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(limits.fetchSize()); // with auto-commit off: a cursor, not the table in memory
            ResultSet rs;
            try {
                rs = statement.executeQuery(sql);
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            RunningQuery running = new RunningQuery(c, statement, rs,
                new ResultTable(rs, fields, Long.MAX_VALUE, kept.overflow()), info, request, false, cancellation);
            c = null; // the running query's now
            return running;
        } catch (SQLException e) {
            throw failed("reading the result of job " + jobId, e);
        } finally {
            if (c != null) {
                RunningQuery.release(c, false);
            }
        }
    }

    /** The file name of a download: {@code job_<id>.<extension>}. */
    public static String fileName(String jobId, OutputFormat format) {
        return "job_" + jobId + "." + format.fileExtension();
    }

    /** The job, if the caller may read it and it has completed. */
    private Job completedJob(String jobId, String callerName) throws DaliException {
        Job job = store.find(jobId).filter(j -> AsyncQuery.JOB_LIST.equals(j.jobList()))
            .orElseThrow(() -> new DaliException(404, "there is no async TAP job " + jobId));
        try {
            JobAccess.check(job, callerName);
        } catch (UwsException e) {
            throw new DaliException(e.status(), e.getMessage());
        }
        if (job.phase() != ExecutionPhase.COMPLETED) {
            throw new DaliException(409, "job " + jobId + " is " + job.phase()
                + ": its result can be read once the job has COMPLETED");
        }
        return job;
    }

    /** The job's kept result, its table made if this is its first read ({@link KeptResults#made}). */
    private KeptResult kept(Connection c, String jobId) throws SQLException, DaliException {
        Optional<KeptResult> found = KeptResult.find(c, jobId);
        try {
            if (found.isPresent()) {
                found = keptResults.made(found.get());
            }
        } catch (java.nio.file.NoSuchFileException e) { // its job's files went with it meanwhile
            throw new DaliException(404, "the kept result is gone: its job was destroyed");
        } catch (java.io.IOException e) {
            throw new DaliException(500, "reading the rows of the result of job " + jobId + " failed: " + e.getMessage());
        }
        return found.orElseThrow(() -> new DaliException(404, "the result of job " + jobId
            + " was not kept as a table (it did not fit in the storage quota, or was made before results were kept);"
            + " its result file is still at /tap/async/" + jobId + "/results/" + AsyncQuery.RESULT));
    }

    /**
     * The column to sort by, by its index, with its sort index built if this is the first sort by it; the index's
     * bytes count in the owner's quota (the job's table bytes).
     */
    private Optional<Integer> sortColumn(Connection c, KeptResult kept, Optional<String> name)
            throws SQLException, DaliException {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int column = kept.column(name.get()).orElseThrow(() -> DaliException.badRequest("cannot sort by " + name.get()
            + ": the result has no such column; its columns are "
            + String.join(", ", kept.columns().stream().map(KeptColumn::name).toList())));
        KeptColumn sorted = kept.columns().get(column);
        if (!sorted.sortable()) {
            throw DaliException.badRequest("cannot sort by " + name.get() + ": its values (" + sorted.datatype()
                + (sorted.arraysize() == null ? "" : "[" + sorted.arraysize() + "]")
                + (sorted.xtype() == null ? "" : ", " + sorted.xtype()) + ") have no order");
        }
        String index = sortIndex(kept, column).table();
        if (!exists(c, sortIndex(kept, column).sql())) {
            long bytes;
            try {
                bytes = Transactions.inTransaction(c, () -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL statement_timeout = " + INDEX_TIMEOUT_MILLIS);
                    }
                    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                        s.setString(1, index); // two first sorts at once: one builds, the other waits for it
                        s.execute();
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE INDEX IF NOT EXISTS " + Sql.identifier(index) + " ON " + kept.table().sql()
                            + " (" + Sql.identifier(sorted.name()) + ", " + row() + ")");
                    }
                    return size(c, kept);
                });
            } catch (SQLException e) {
                if ("42704".equals(e.getSQLState()) || "42883".equals(e.getSQLState())) {
                    // no default operator class for btree: the database has no order for the type
                    throw DaliException.badRequest("cannot sort by " + name.get() + ": its values have no order");
                }
                throw e;
            }
            store.change(kept.jobId(), j -> {
                j.setTableBytes(bytes);
                return j;
            });
            LOG.info(() -> "kept result of job " + kept.jobId() + ": sort index on " + sorted.name() + " built");
        }
        return Optional.of(column);
    }

    /** The index that sorts a kept result by a column, in the result's schema. */
    private static org.voarchive.metadata.TableName sortIndex(KeptResult kept, int column) {
        return new org.voarchive.metadata.TableName(kept.table().schema(), kept.table().table() + "_sort_" + (column + 1));
    }

    private static boolean exists(Connection c, String qualified) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL AS found")) {
            s.setString(1, qualified);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean("found");
            }
        }
    }

    private static long size(Connection c, KeptResult kept) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(CAST(? AS regclass)) AS bytes")) {
            s.setString(1, kept.table().sql());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong("bytes");
            }
        }
    }

    /** ORDER BY the sort column, then the row number (ties in the result's order), both the same way. */
    private static String order(KeptResult kept, int column, boolean descending, String qualifier) {
        String direction = descending ? " DESC" : " ASC";
        return qualifier + Sql.identifier(kept.columns().get(column).name()) + direction + ", " + qualifier + row() + direction;
    }

    private static String row() {
        return Sql.identifier(KeptColumn.ROW);
    }

    private static DaliException failed(String what, SQLException e) {
        return switch (DatabaseErrors.classify(e)) {
            case TIMEOUT -> new DaliException(503, what + " took longer than the limit; try again in a moment");
            case UNAVAILABLE -> new DaliException(503, DatabaseErrors.unavailable(e));
            default -> {
                if ("42P01".equals(e.getSQLState())) { // dropped since its record was read: the job is being destroyed
                    yield new DaliException(404, "the kept result is gone: its job was destroyed");
                }
                LOG.log(Level.SEVERE, what + " failed", e);
                yield new DaliException(500, what + " failed; the service log has the details");
            }
        };
    }
}
