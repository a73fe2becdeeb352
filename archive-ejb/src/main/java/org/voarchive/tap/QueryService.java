package org.voarchive.tap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.postgres.PostgresTranslator;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.dali.DataOrigin;
import org.voarchive.database.Cancellation;
import org.voarchive.database.DatabaseErrors;
import org.voarchive.database.DataSources;
import org.voarchive.database.QueryRoles;
import org.voarchive.database.ReadRouting;
import org.voarchive.database.WalPosition;
import org.voarchive.datalink.DatalinkCapabilities;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.site.SiteIdentity;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.votable.VOStarTable;

/**
 * The path of a TAP query: ADQL parsed, uploads loaded, checked against the
 * metadata the caller may see, translated, and executed on the read-only query
 * role (for anonymous callers, its role that reads PUBLIC data only: {@link QueryRoles})
 * with a server-side cursor and a statement timeout. Shared by sync and
 * async TAP; what happens to the rows is the caller's business.
 */
@ApplicationScoped
public class QueryService {

    private static final Logger LOG = Logger.getLogger(QueryService.class.getName());

    /** The query pool itself, injected once: asking {@link DataSources} on every query cost an EJB call (JFR). */
    @Resource(lookup = DataSources.QUERY)
    DataSource queryPool;

    @Inject
    TapLimits limits;

    @Inject
    UploadFetchSettings uploadFetching;

    @Inject
    SiteIdentity site;

    @Inject
    PublishedMetadataCache metadataCache;

    @Inject
    QueryRoles roles;

    @Inject
    ReadRouting routing;

    @Inject
    KeptResults kept;

    /** KEEP_UPLOAD's personal tables ({@code usertables}, which {@code tap} must not name). */
    @Inject
    UploadKeeper uploadKeeper;

    /**
     * @param callerName the authenticated user, or null
     * @param timeoutSeconds the execution time allowed to the SQL
     * @param cancellation stops the query from another thread (async ABORT and execution limits)
     * @param origin the request as the result's Data Origin INFOs state it ({@link #origin})
     * @return the executed query, owning its connection: the caller must write or close it
     * @throws DaliException 400 for the client's mistakes (ADQL errors with line and column, uploads,
     *                       queries the database rejects or that run too long), 5xx for faults here
     */
    public RunningQuery start(TapRequest request, String callerName, UploadSource parts, int timeoutSeconds,
                              Cancellation cancellation, DataOrigin.Request origin) throws DaliException {
        return start(request, callerName, parts, timeoutSeconds, cancellation, origin, Optional.empty());
    }

    /**
     * As above; {@code read} names what kind of read this is if it may run on a replica ({@link ReadRouting}:
     * sync TAP), which it does only without uploads, reading no kept result and no personal table, on a
     * replica that has what the primary had when the query was checked; empty: the primary (async TAP).
     */
    public RunningQuery start(TapRequest request, String callerName, UploadSource parts, int timeoutSeconds,
                              Cancellation cancellation, DataOrigin.Request origin, Optional<ReadRouting.Read> read)
            throws DaliException {
        Caller caller = caller(callerName);
        PublishedMetadata metadata = metadata(caller);
        return start(request, caller, metadata, catalog(caller, metadata), parts, timeoutSeconds, cancellation, origin,
            read);
    }

    /**
     * A TAP query's request as its result's Data Origin INFOs state it, received now: the TAP standardID, the
     * TAP service's IVOID (its registry record), and the endpoint at {@code path} (/tap/sync, /tap/async) with
     * the parameters as the client gave them.
     */
    public DataOrigin.Request origin(String path, DaliParameters parameters, String query) {
        return origin(path, parameters, query, Instant.now());
    }

    /** As above, for a request received at {@code date} (a kept result's job, when it ran). */
    public DataOrigin.Request origin(String path, DaliParameters parameters, String query, Instant date) {
        return new DataOrigin.Request(TapCapabilities.TAP, "TAP 1.1", DataOrigin.Site.of(site).tapIvoid(),
            DataOrigin.requestUrl(site.baseUrl() + path, parameters.asMap()), date, query);
    }

    /** The caller with their groups, from the database. */
    public Caller caller(String callerName) throws DaliException {
        try {
            return metadataCache.caller(callerName);
        } catch (SQLException e) {
            throw serverFault("reading the caller's groups failed", e);
        }
    }

    /** What a caller's ADQL is checked against: the published tables and their own kept results ({@link QueryCatalog}). */
    QueryCatalog catalog(Caller caller, PublishedMetadata metadata) throws DaliException {
        try {
            return QueryCatalog.of(metadata, kept.results(caller));
        } catch (SQLException e) {
            throw serverFault("reading the caller's kept results failed", e);
        }
    }

    /** The tables of the kept results a query reads, made if this is their first read ({@link KeptResults#made}). */
    private void makeKept(List<KeptResult> read) throws DaliException, SQLException {
        for (KeptResult k : read) {
            try {
                if (kept.made(k).isEmpty()) {
                    throw DaliException.badRequest(k.table() + " is not kept any more: its job was destroyed, or its"
                        + " table did not fit in what your storage quota leaves");
                }
            } catch (IOException e) {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    throw DaliException.badRequest(k.table() + " is not kept any more: its job was destroyed");
                }
                throw serverFault("reading the rows of " + k.table() + " failed", e);
            }
        }
    }

    /** The published metadata the caller may see, which every query is checked against. */
    public PublishedMetadata metadata(Caller caller) throws DaliException {
        try {
            return metadataCache.get(caller);
        } catch (SQLException e) {
            throw serverFault("reading the table metadata failed", e);
        }
    }

    /** As above, for a protocol that has read the caller and the metadata already (cone search). */
    public RunningQuery start(TapRequest request, Caller caller, PublishedMetadata metadata, UploadSource parts,
                              int timeoutSeconds, Cancellation cancellation, DataOrigin.Request origin,
                              Optional<ReadRouting.Read> read) throws DaliException {
        return start(request, caller, metadata, QueryCatalog.published(metadata), parts, timeoutSeconds, cancellation,
            origin, read);
    }

    private RunningQuery start(TapRequest request, Caller caller, PublishedMetadata metadata, QueryCatalog catalog,
                               UploadSource parts, int timeoutSeconds, Cancellation cancellation,
                               DataOrigin.Request origin, Optional<ReadRouting.Read> read) throws DaliException {
        // the standard functions and the operators' published ones (metadata, like the tables)
        org.voarchive.adql.FunctionRegistry functions = metadata.registry();
        Query query = parse(request.query(), functions);
        // uploads on disk first: no fetch, however slow, ever holds a database connection
        try (SpooledUploads uploads = spool(request.uploads(), parts)) {
            keep(request, caller, uploads);
            return start(request, caller, metadata, catalog, query, uploads, timeoutSeconds, cancellation, origin,
                read);
        }
    }

    /**
     * KEEP_UPLOAD: each named upload made the caller's personal table, committed on its own, before the query
     * takes its connection; the query still reads the upload as TAP_UPLOAD.name.
     */
    private void keep(TapRequest request, Caller caller, SpooledUploads uploads) throws DaliException {
        for (KeepUpload k : request.keepUploads()) {
            if (!caller.authenticated()) {
                throw new DaliException(401, "KEEP_UPLOAD keeps an upload as your table: sign in");
            }
            SpooledUploads.Spooled file = uploads.files().stream().filter(f -> f.name().equalsIgnoreCase(k.upload()))
                .findFirst().orElseThrow(() -> DaliException.badRequest("KEEP_UPLOAD names no UPLOAD: " + k.upload()));
            uploadKeeper.keep(caller, file.name(), k.table(), file.file());
        }
    }

    private RunningQuery start(TapRequest request, Caller caller, PublishedMetadata metadata, QueryCatalog catalog,
                               Query query, SpooledUploads uploads, int timeoutSeconds, Cancellation cancellation,
                               DataOrigin.Request origin, Optional<ReadRouting.Read> read)
            throws DaliException {
        org.voarchive.adql.FunctionRegistry functions = metadata.registry();
        long timeoutMillis = Math.multiplyExact(timeoutSeconds, 1000L);
        Connection connection = null;
        try {
            CheckedQuery checked;
            if (uploads.files().isEmpty()) {
                // checked before connecting (the catalog needs no connection): where it may run depends on what it reads
                checked = check(query, List.copyOf(catalog.catalog().tables()), functions);
            } else {
                // uploads are loaded into the session first, on the primary (a standby has no temporary tables)
                connection = primary(cancellation);
                List<TableInfo> tables = new ArrayList<>(catalog.catalog().tables());
                tables.addAll(load(connection, uploads));
                checked = check(query, tables, functions);
            }
            makeKept(catalog.keptRead(checked.sourceTables()));
            long maxrec = request.effectiveMaxrec(limits);
            String sql = translate(checked, functions, maxrec);
            List<String> sources = catalog.sources(checked.sourceTables(), metadata);
            Connection onReplica = connection == null && read.isPresent()
                && !catalog.userData(checked.sourceTables(), metadata)
                ? replica(read.get(), caller, timeoutMillis, cancellation) : null;
            if (onReplica != null) {
                connection = onReplica; // its transaction begun
            } else {
                if (connection == null) {
                    connection = primary(cancellation);
                }
                begin(connection, caller, timeoutMillis);
            }
            RunningQuery running = execute(connection, sql, checked, maxrec, timeoutSeconds, request, cancellation,
                // from the same snapshot the query was checked against: no further metadata read
                resultInfo(request, sources, datalinkColumns(checked.columns(), metadata), origin, metadata));
            connection = null; // owned by the running query now
            return running;
        } catch (SQLException e) {
            // uploads and the query's own statements: a value the client sent can fail here too
            throw rejected(e, timeoutSeconds, "starting the query");
        } catch (IOException e) {
            throw serverFault("reading an upload failed", e);
        } finally {
            if (connection != null) {
                cancellation.detach();
                RunningQuery.release(connection, !request.uploads().isEmpty());
            }
        }
    }

    /** A primary connection of the query role, cancellable, in a transaction not yet begun ({@link #begin}). */
    private Connection primary(Cancellation cancellation) throws DaliException, SQLException {
        Connection connection = connect();
        try {
            if (!cancellation.attach(connection)) {
                throw new DaliException(409, "the query was cancelled before it started");
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (DaliException | SQLException | RuntimeException e) {
            cancellation.detach();
            RunningQuery.release(connection, false);
            throw e;
        }
    }

    /**
     * First in the query's transaction, in one round trip: the role that reads what this caller may read, the
     * time limit, and what TAP_SCHEMA shows this caller (its tables, as the checker saw them).
     */
    private void begin(Connection connection, Caller caller, long timeoutMillis) throws SQLException {
        roles.begin(connection, caller.authenticated(), timeoutMillis, caller.settings());
    }

    /**
     * A replica's connection with the query's transaction begun, if a replica may serve this read and has
     * replayed what it must (checked in the same round trip as the set-up); else null, and the primary serves:
     * the set-up's round trip is the only one wasted.
     */
    private Connection replica(ReadRouting.Read read, Caller caller, long timeoutMillis, Cancellation cancellation)
            throws DaliException {
        Optional<WalPosition> required = routing.required();
        Optional<Connection> replica = required.isEmpty() ? Optional.empty() : routing.queryConnection(read);
        if (replica.isEmpty()) {
            return null;
        }
        Connection connection = replica.get();
        try {
            if (!cancellation.attach(connection)) {
                RunningQuery.release(connection, false);
                throw new DaliException(409, "the query was cancelled before it started");
            }
            connection.setAutoCommit(false);
            if (roles.begin(connection, caller.authenticated(), timeoutMillis, caller.settings(), required)) {
                return connection;
            }
            LOG.fine(() -> "the replica has not replayed " + required.get() + ": the query runs on the primary");
        } catch (SQLException e) {
            if (!cancellation.isCancelled()) { // a client that went away is no replica's fault
                routing.failed(e);
            }
        }
        cancellation.detach();
        RunningQuery.release(connection, false);
        return null;
    }

    /** What a result says about the query that produced it, and where its FIELD links and service descriptors point. */
    public ResultInfo resultInfo(TapRequest request, List<String> sources, List<Integer> datalinkColumns,
                                 DataOrigin.Request origin, PublishedMetadata metadata) {
        return new ResultInfo(request.query(), request.lang(), sources, site.baseUrl() + "/tap/tables/", datalinkColumns,
            site.baseUrl() + DatalinkCapabilities.LINKS_PATH, DataOrigin.of(DataOrigin.Site.of(site), origin, metadata, sources));
    }

    /**
     * A query checked exactly as {@link #start} checks it, without running it: parsed, checked against the
     * published metadata the caller may see and the uploads, translated. The portal's editor asks this while
     * its user types. The uploads are spooled and read as for a query ({@link UploadLoader#describe}: the same
     * reader, rows and limits), but stored nowhere.
     *
     * @param callerName the authenticated user, or null
     * @param uploads    the request's UPLOAD tables (none: a query reading {@code TAP_UPLOAD} names unknown tables)
     * @param parts      the multipart parts they refer to
     * @throws DaliException a 400 for an ADQL error, with the {@link AdqlException} (line, column) as its cause;
     *                       a 400 for an upload that cannot be read or is over the limits; 5xx when the metadata
     *                       cannot be read
     */
    public CheckedQuery check(String adql, String callerName, List<Upload> uploads, UploadSource parts)
            throws DaliException {
        Caller caller = caller(callerName);
        PublishedMetadata metadata = metadata(caller);
        org.voarchive.adql.FunctionRegistry functions = metadata.registry();
        Query query = parse(adql, functions);
        List<TableInfo> tables = new ArrayList<>(catalog(caller, metadata).catalog().tables());
        try (SpooledUploads spooled = spool(uploads, parts)) {
            for (SpooledUploads.Spooled upload : spooled.files()) {
                tables.add(UploadLoader.describe(upload.name(), upload.file(), limits));
            }
        } catch (IOException e) {
            throw serverFault("reading an upload failed", e);
        }
        CheckedQuery checked = check(query, tables, functions);
        translate(checked, functions, limits.defaultMaxrec());
        return checked;
    }

    /** The parsed ADQL, or the syntax error with its line and column (the cause). */
    public static Query parse(String adql, org.voarchive.adql.FunctionRegistry functions) throws DaliException {
        try {
            return new QueryParser(functions).parse(adql);
        } catch (AdqlException e) {
            throw adqlError("ADQL syntax error at ", e);
        }
    }

    /** A client's ADQL mistake: the message with the position, the exception (line, column) as the cause. */
    private static DaliException adqlError(String prefix, AdqlException e) {
        return new DaliException(400, prefix + e.positioned(), e);
    }

    /** A pooled connection of the query role; none to be had is the database being unavailable for now. */
    private Connection connect() throws DaliException {
        try {
            return queryPool.getConnection();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "no query connection", e);
            throw new DaliException(503, "no database connection is available now; try again in a moment");
        }
    }

    /** The SQL, or what the translator cannot express in PostgreSQL (e.g. REGION) as the client's error. */
    static String translate(CheckedQuery checked, org.voarchive.adql.FunctionRegistry functions, long maxrec)
            throws DaliException {
        try {
            return new PostgresTranslator(functions).translate(checked, OptionalLong.of(maxrec));
        } catch (AdqlException e) {
            throw adqlError("ADQL error at ", e);
        }
    }

    private static CheckedQuery check(Query query, List<TableInfo> tables, org.voarchive.adql.FunctionRegistry functions)
            throws DaliException {
        try {
            return new QueryChecker(() -> tables, functions).check(query);
        } catch (AdqlException e) {
            throw adqlError("ADQL error at ", e);
        }
    }

    /** A request's uploads, multipart parts and fetched URLs alike, as temporary files. */
    private SpooledUploads spool(List<Upload> uploads, UploadSource parts) throws DaliException {
        try {
            // the fetcher only when a URL needs it: a mistyped allow-list fails URL uploads, not every query
            return SpooledUploads.spool(uploads, parts,
                uploads.stream().anyMatch(u -> u.url() != null) ? uploadFetching.fetcher() : null,
                limits.uploadMaxBytes());
        } catch (IOException e) {
            throw serverFault("storing an upload failed", e);
        }
    }

    /** Each spooled upload as a temporary table, committed so the query's own (read-only) transaction sees it. */
    private List<TableInfo> load(Connection connection, SpooledUploads uploads)
            throws DaliException, SQLException, IOException {
        if (uploads.files().isEmpty()) {
            return List.of();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION READ WRITE"); // the role's default is read only; temporary tables need writing
        }
        // created by the query role; the anonymous role may read them too (an anonymous caller's query runs as it)
        UploadLoader loader = new UploadLoader(connection, limits, roles.anonymousRole());
        List<TableInfo> tables = new ArrayList<>();
        for (SpooledUploads.Spooled upload : uploads.files()) {
            tables.add(loader.load(upload.name(), upload.file()));
        }
        connection.commit();
        return tables;
    }

    private RunningQuery execute(Connection connection, String sql, CheckedQuery checked, long maxrec,
                                 int timeoutSeconds, TapRequest request, Cancellation cancellation, ResultInfo info)
            throws SQLException, DaliException {
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(limits.fetchSize()); // with auto-commit off: a cursor, not the whole result in memory
        // numbers and times in PostgreSQL's binary form: read as they are instead of parsed from text, which was a
        // fifth of a large result's time (JFR); costs one describe round trip before the first row
        statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        ResultSet rs;
        try {
            rs = statement.executeQuery(sql);
        } catch (SQLException e) {
            statement.close();
            throw rejected(e, timeoutSeconds, sql);
        }
        ResultSetMetaData meta = rs.getMetaData();
        List<ResultColumn> columns = checked.columns();
        List<ResultField> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            fields.add(field(columns.get(i), meta.getColumnTypeName(i + 1), i, info));
        }
        ResultTable table = new ResultTable(rs, fields, maxrec);
        return new RunningQuery(connection, statement, rs, table, info, request, !request.uploads().isEmpty(), cancellation);
    }

    /** The result columns that copy a column the metadata flags as holding Datalink IDs. */
    private static List<Integer> datalinkColumns(List<ResultColumn> columns, PublishedMetadata metadata) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Optional<String> source = columns.get(i).source();
            if (source.isPresent() && source.get().lastIndexOf('.') > 0) {
                String table = source.get().substring(0, source.get().lastIndexOf('.'));
                String column = source.get().substring(source.get().lastIndexOf('.') + 1);
                if (metadata.table(table).stream().flatMap(t -> t.columns().stream())
                        .anyMatch(c -> c.name().equals(column) && c.datalink())) {
                    found.add(i);
                }
            }
        }
        return found;
    }

    /**
     * Result column {@code index} (from 0) as the writers read and describe it: with its FIELD link to the VOSI
     * document of its source table, and the FIELD ID a Datalink service descriptor refers to.
     */
    static ResultField field(ResultColumn column, String sqlType, int index, ResultInfo info) {
        ResultField field = ResultField.of(column, sqlType, documentation(column, info));
        if (info.datalinkColumns().contains(index)) {
            field.info().setAuxDatum(new DescribedValue(VOStarTable.ID_INFO, ResultInfo.fieldId(index)));
        }
        return field;
    }

    /** The VOSI table document of a column's source table; none for uploads, kept results and computed columns. */
    private static URL documentation(ResultColumn column, ResultInfo info) {
        return column.source().filter(s -> !s.startsWith(UploadLoader.ADQL_SCHEMA + "."))
            .filter(s -> !KeptSchemas.isKept(s.substring(0, Math.max(0, s.indexOf('.')))))
            .map(s -> s.substring(0, s.lastIndexOf('.')))
            .map(table -> {
                try {
                    return URI.create(info.tableDocs() + table).toURL();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    return null; // a base URL that is no URL: the FIELD simply has no link
                }
            }).orElse(null);
    }

    /**
     * A database error as the client's mistake where it is one (bad values, bad geometry, time limit: 400),
     * the database being unavailable (503), else a fault here (500, logged with the SQL). A 400 carries only
     * PostgreSQL's primary message, never the translated SQL (which names stored schemas and internals).
     */
    static DaliException rejected(SQLException e, int timeoutSeconds, String sql) {
        String message = DatabaseErrors.primaryMessage(e);
        return switch (DatabaseErrors.classify(e)) {
            case TIMEOUT -> DaliException.badRequest("the query ran longer than the limit of " + timeoutSeconds
                + " s and was cancelled; narrow it down or submit it as an asynchronous job");
            case CLIENT -> {
                LOG.fine(() -> "query refused by the database (" + e.getSQLState() + "): " + message);
                yield DaliException.badRequest("the database rejected the query: " + message);
            }
            case UNAVAILABLE -> {
                LOG.log(Level.WARNING, "database unavailable (" + e.getSQLState() + ") " + sql, e);
                yield new DaliException(503, DatabaseErrors.unavailable(e));
            }
            case FAULT -> {
                LOG.log(Level.SEVERE, "query failed in the database: " + sql, e);
                yield new DaliException(500, "the query failed in the database (" + e.getSQLState() + ")");
            }
        };
    }

    private static DaliException serverFault(String what, Exception e) {
        LOG.log(Level.SEVERE, what, e);
        return new DaliException(500, what + "; the service log has the details");
    }

}
