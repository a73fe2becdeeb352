package org.voarchive.usertables;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.account.StorageQuotas;
import org.voarchive.adql.check.ValueType;
import org.voarchive.database.DataSources;
import org.voarchive.database.QueryRoles;
import org.voarchive.database.Sql;
import org.voarchive.database.Transactions;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.DatabaseTypes;
import org.voarchive.metadata.TableName;
import org.voarchive.table.ColumnNames;
import org.voarchive.table.ColumnTypes;
import org.voarchive.table.RowSource;
import org.voarchive.tap.KeptResults;
import org.voarchive.tap.KeptSchemas;

/**
 * Personal tables' life cycle and access (design §1, §3, §4.3, §4.5): create, describe, drop, keep a kept
 * result, share, and the checks every other write (loads, index jobs) starts with. Every write is one
 * transaction on the application role, which owns the tables; metadata rows move the V12 generation, so the
 * cached models reload. Refusals are {@link TableRequestException}s with the HTTP status of VOSI/youcat.
 *
 * <p>Who sees what is decided once, by the visibility views (V30) with the caller set on the transaction: a
 * table the caller may not see is a 404 (its existence is not told), one they see but do not own a 403.
 */
@ApplicationScoped
// each method runs its own JDBC transaction; inside a caller's, the connection would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class PersonalTables {

    private static final Logger LOG = Logger.getLogger(PersonalTables.class.getName());
    /** How long a drop waits for readers (a running query) before it answers "in use". */
    private static final String DROP_LOCK_TIMEOUT = "5s";
    /** Personal schemas sort after the published ones (and TAP_SCHEMA's 100000, V2) in tablesets and browsers. */
    private static final int SCHEMA_INDEX = 200000;
    /** PostgreSQL's "lock_not_available": the lock timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @EJB
    DataSources dataSources;

    @Inject
    StorageQuotas quotas;

    @Inject
    QueryRoles roles;

    @Inject
    TableLoads loads;

    @Inject
    KeptResults kept;

    @Inject
    @ConfigProperty(name = "archive.usertables.max-columns", defaultValue = "1000")
    int maxColumns;

    /**
     * Creates a table in the caller's schema as {@code spec} describes it, with {@code rowsOrNull}'s rows if any
     * (a VOTable PUT, KEEP_UPLOAD), all in one transaction. The rows are the caller's to close.
     *
     * @param origin {@code created} or {@code upload}
     * @throws TableRequestException 400 names, 401 anonymous, 403 another schema or the tables limit, 409 exists,
     *                               413 quota
     */
    public PersonalTable create(Caller caller, TableName name, TableSpec spec, RowSource rowsOrNull, String origin)
            throws SQLException {
        String owner = signedIn(caller);
        PersonalNames.checkOwnSchema(name, owner);
        PersonalNames.checkTableName(name.table());
        PersonalNames.checkColumns(spec.columns(), maxColumns);
        PersonalNames.checkTexts(spec);
        List<String> types = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            types.add(sqlType(column));
        }
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                long schemaId = newTable(c, name, owner);
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(name.sql()).append(" (");
                for (int i = 0; i < spec.columns().size(); i++) {
                    ddl.append(i == 0 ? "" : ", ").append(Sql.identifier(spec.columns().get(i).name())).append(' ')
                        .append(types.get(i));
                }
                try (Statement s = c.createStatement()) {
                    s.execute(ddl.append(')').toString());
                    if (spec.description() != null) {
                        s.execute("COMMENT ON TABLE " + name.sql() + " IS " + Sql.literal(spec.description()));
                    }
                    // the owner's ADQL and their groups' read it as the query role; anonymous callers' role only once
                    // it is public (share)
                    s.execute("GRANT SELECT ON " + name.sql() + " TO " + Sql.identifier(roles.queryRole()));
                }
                long tableId = insertMetadata(c, schemaId, name, owner, spec, origin);
                PersonalTable table = read(c, tableId);
                if (rowsOrNull != null) {
                    long rows = copy(c, table, rowsOrNull, true);
                    settle(c, table, rows);
                } else {
                    settle(c, table, 0);
                }
                LOG.info(() -> owner + " created the table " + name);
                return read(c, tableId);
            });
        }
    }

    /** {@link #create(Caller, TableName, TableSpec, RowSource, String)} of origin {@code created}. */
    public PersonalTable create(Caller caller, TableName name, TableSpec spec, RowSource rowsOrNull) throws SQLException {
        return create(caller, name, spec, rowsOrNull, "created");
    }

    /**
     * Updates descriptions, units, UCDs and utypes (of the table, and of the columns {@code update} names; others
     * stay) and appends {@code rowsOrNull}'s rows if any (the caller's to close), in one transaction.
     *
     * @throws TableRequestException 400 a column the table lacks or with another datatype/arraysize/xtype, 403/404
     */
    public void describe(Caller caller, TableName name, TableSpec update, RowSource rowsOrNull) throws SQLException {
        PersonalNames.checkTexts(update);
        try (Connection c = dataSources.app().getConnection()) {
            Transactions.inTransaction(c, () -> {
                PersonalTable table = writable(c, caller, name);
                long id = table.id();
                Map<String, ColumnSpec> existing = new LinkedHashMap<>();
                table.columns().forEach(col -> existing.put(col.name(), col));
                // compared as the database holds them: what a client declares maps onto them (char * is text)
                Map<String, ValueType> held = databaseTypes(c, name);
                for (ColumnSpec col : update.columns()) {
                    ColumnSpec now = existing.get(col.name());
                    if (now == null) {
                        throw new TableRequestException(400, "the table " + name + " has no column " + col.name()
                            + "; columns cannot be added (describe only those it has)");
                    }
                    if (col.datatype() != null && !DatabaseTypes.votable(sqlType(col)).equals(held.get(col.name()))) {
                        throw new TableRequestException(400, "column " + col.name() + " is " + typeText(now)
                            + ", not " + typeText(col) + "; a column's type cannot be changed");
                    }
                }
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE archive.tables SET description = COALESCE(?, description), utype = COALESCE(?, utype),
                               updated = now()
                         WHERE id = ?""")) {
                    s.setString(1, update.description());
                    s.setString(2, update.utype());
                    s.setLong(3, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE archive.columns SET description = COALESCE(?, description), unit = COALESCE(?, unit),
                               ucd = COALESCE(?, ucd), utype = COALESCE(?, utype), updated = now()
                         WHERE table_id = ? AND name = ?""")) {
                    for (ColumnSpec col : update.columns()) {
                        s.setString(1, col.description());
                        s.setString(2, col.unit());
                        s.setString(3, col.ucd());
                        s.setString(4, col.utype());
                        s.setLong(5, id);
                        s.setString(6, col.name());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                if (update.description() != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMENT ON TABLE " + name.sql() + " IS " + Sql.literal(update.description()));
                    }
                }
                if (rowsOrNull != null) {
                    settle(c, table, copy(c, table, rowsOrNull, false));
                }
                return null;
            });
        }
    }

    /**
     * Drops a table with its metadata, in one transaction (waiting at most a few seconds for readers).
     *
     * @throws TableRequestException 404 if the caller may not see it, 403 if not theirs, 409 in use or a kept
     *                               result ({@code job_*})
     */
    public void drop(Caller caller, TableName name) throws SQLException {
        String owner = signedIn(caller);
        if (name.schema().equals(KeptSchemas.userSchema(owner)) && name.table().startsWith("job_")) {
            throw new TableRequestException(409, name + " is the kept result of job " + name.table().substring(4)
                + ": delete the job, or keep the result as a table first and drop that");
        }
        try (Connection c = dataSources.app().getConnection()) {
            Transactions.inTransaction(c, () -> {
                PersonalTable table = writable(c, caller, name);
                dropTable(c, table);
                return null;
            });
        }
        LOG.info(() -> owner + " dropped the table " + name);
    }

    /** Deletes a table's metadata (its columns, groups and personal_tables row go with it) and the table. */
    private static void dropTable(Connection c, PersonalTable table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
            try (PreparedStatement d = c.prepareStatement("DELETE FROM archive.tables WHERE id = ?")) {
                d.setLong(1, table.id());
                d.executeUpdate();
            }
            s.execute("DROP TABLE IF EXISTS " + table.name().sql());
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new TableRequestException(409, "the table " + table.name() + " is in use (a query reads it);"
                    + " try again in a moment", e);
            }
            throw e;
        }
    }

    /**
     * Makes the kept result of the caller's async job {@code jobId} the personal table {@code name} (renamed in
     * place; the job's bytes move to the table), so that it outlives the job.
     *
     * @throws TableRequestException 401 anonymous, 404 no such job or kept result, 409 name taken or job not
     *                               COMPLETED
     */
    public PersonalTable keep(Caller caller, String jobId, TableName name) throws SQLException {
        String owner = signedIn(caller);
        PersonalNames.checkOwnSchema(name, owner);
        PersonalNames.checkTableName(name.table());
        try {
            // a kept result's rows wait in a file until first used (V29): its table is made first, on its own
            if (!kept.madeTable(jobId)) {
                throw new TableRequestException(404, "job " + jobId + " has no result kept as a table");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                long jobBytes;
                // the job's row first, as its deletion and KeptResults lock it: the two cannot deadlock
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT owner_id, phase, table_bytes FROM archive.uws_job WHERE job_id = ? FOR UPDATE")) {
                    s.setString(1, jobId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next() || !owner.equals(rs.getString("owner_id"))) {
                            throw new TableRequestException(404, "no job " + jobId + " of yours");
                        }
                        if (!"COMPLETED".equals(rs.getString("phase"))) {
                            throw new TableRequestException(409, "job " + jobId + " is " + rs.getString("phase")
                                + "; only a COMPLETED job's result can be kept");
                        }
                        jobBytes = rs.getLong("table_bytes");
                    }
                }
                TableName from;
                String[] sources;
                String query;
                long rows;
                List<ColumnSpec> declared = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT k.schema_name, k.table_name, k.source_tables, k.query, k.made, k.row_count,
                               e.c->>'name' AS name, e.c->>'datatype' AS datatype, e.c->>'arraysize' AS arraysize,
                               e.c->>'xtype' AS xtype, e.c->>'unit' AS unit, e.c->>'ucd' AS ucd,
                               e.c->>'utype' AS utype, e.c->>'description' AS description
                          FROM archive.kept_results k
                          CROSS JOIN LATERAL jsonb_array_elements(k.columns) WITH ORDINALITY AS e(c, n)
                         WHERE k.job_id = ? ORDER BY e.n""")) {
                    s.setString(1, jobId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next() || !rs.getBoolean("made")) {
                            throw new TableRequestException(404, "job " + jobId + " has no result kept as a table");
                        }
                        from = new TableName(rs.getString("schema_name"), rs.getString("table_name"));
                        sources = (String[]) rs.getArray("source_tables").getArray();
                        query = rs.getString("query");
                        rows = rs.getLong("row_count");
                        do {
                            declared.add(new ColumnSpec(rs.getString("name"), rs.getString("datatype"),
                                rs.getString("arraysize"), rs.getString("xtype"), rs.getString("unit"), rs.getString("ucd"),
                                rs.getString("utype"), rs.getString("description")));
                        } while (rs.next());
                    }
                }
                if (!from.schema().equals(name.schema())) {
                    throw new TableRequestException(409, "the result of job " + jobId + " is not in " + name.schema());
                }
                long schemaId = newTable(c, name, owner);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + from.sql() + " RENAME TO " + Sql.identifier(name.table()));
                }
                renameIndexes(c, name, from.table());
                // the table's row number first, as the table has it: described, so that TAP_SCHEMA shows every column
                Map<String, ValueType> types = databaseTypes(c, name);
                List<ColumnSpec> columns = new ArrayList<>();
                for (String column : types.keySet()) {
                    ColumnSpec d = declared.stream().filter(x -> x.name().equals(column)).findFirst().orElse(null);
                    ValueType t = types.get(column);
                    columns.add(d != null ? d : new ColumnSpec(column, t.datatype(), t.arraysize(), t.xtype(), null,
                        null, null, "row number in the result"));
                }
                long tableId = insertMetadata(c, schemaId, name, owner, new TableSpec(
                    "The result of async job " + jobId + ", kept as a table", null, columns), "kept", columns);
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE archive.personal_tables SET source_tables = ?, query = ?, bytes = ?, row_count = ?
                         WHERE table_id = ?""")) {
                    s.setArray(1, c.createArrayOf("text", sources));
                    s.setString(2, query);
                    s.setLong(3, jobBytes);
                    s.setLong(4, rows);
                    s.setLong(5, tableId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.kept_results WHERE job_id = ?")) {
                    s.setString(1, jobId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE archive.uws_job SET table_bytes = 0 WHERE job_id = ?")) {
                    s.setString(1, jobId);
                    s.executeUpdate();
                }
                LOG.info(() -> owner + " kept the result of job " + jobId + " as the table " + name);
                return read(c, tableId);
            });
        }
    }

    /**
     * The indexes of a renamed table (a kept result's key and sort indexes, named after {@code job_<id>}) named
     * after the table instead: no job's name outlives its job, and a later job of the same id cannot clash.
     */
    private static void renameIndexes(Connection c, TableName table, String formerName) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT x.relname FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
                 WHERE i.indrelid = CAST(? AS regclass) AND starts_with(x.relname, ?)""")) {
            s.setString(1, table.sql());
            s.setString(2, formerName);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString("relname"));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String index : indexes) {
                String suffix = index.substring(formerName.length());
                String renamed = table.table().substring(0,
                    Math.min(table.table().length(), ColumnNames.MAX_NAME_BYTES - suffix.length())) + suffix;
                s.execute("ALTER INDEX " + Sql.identifier(table.schema(), index) + " RENAME TO " + Sql.identifier(renamed));
            }
        }
    }

    /**
     * The caller's own personal table, for a write (load, index, describe), in {@code c}'s transaction, its row
     * locked to the transaction's end.
     *
     * @throws TableRequestException 401 anonymous, 404 if the caller may not see it, 403 if they see it but it is
     *                               not theirs or not a personal table (published tables, views, kept results)
     */
    public PersonalTable writable(Connection c, Caller caller, TableName name) throws SQLException {
        String login = signedIn(caller);
        Visible found = visible(c, caller, name);
        if (!login.equals(found.owner())) {
            throw new TableRequestException(403, found.owner() == null
                ? name + " is published data of the archive, not a personal table: it cannot be changed here"
                : name + " is " + found.owner() + "'s table: only its owner may change it");
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT table_id FROM archive.personal_tables WHERE table_id = ? FOR UPDATE")) {
            s.setLong(1, found.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TableRequestException(404, "no table " + name + " (it was dropped meanwhile)");
                }
            }
        }
        return read(c, found.id());
    }

    /** Every personal table of {@code owner} (a login), by name: what /account/storage lists. */
    public List<PersonalTable> owned(String owner) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return owned(c, owner);
        }
    }

    private static List<PersonalTable> owned(Connection c, String owner) throws SQLException {
        return read(c, "pt.owner = ?", owner);
    }

    /**
     * youcat's permissions text of a table ({@code owner=}, {@code public=}, {@code r-group=}, {@code rw-group=})
     * for its owner or anyone who may see it.
     *
     * @param authority the site's authority (ivo://...), which group URIs start with
     * @throws TableRequestException 404 if the caller may not see it
     */
    public String permissions(Caller caller, TableName name, String authority) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                PersonalTable table = read(c, personalVisible(c, caller, name).id());
                return table.sharing().format(table.owner(), authority);
            });
        }
    }

    /**
     * Changes who may read a table as youcat's permissions text says (POST permissions); the owner only.
     *
     * @param authority the site's authority (ivo://...), which group URIs start with
     * @throws TableRequestException 400 bad text or group, 403 not the owner, 404 not visible
     */
    public Sharing share(Caller caller, TableName name, String permissionsText, String authority) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                PersonalTable table = writable(c, caller, name);
                Sharing wanted = Sharing.parse(permissionsText, table.sharing(), authority);
                checkGroups(c, caller, wanted, table.sharing());
                apply(c, table, wanted);
                LOG.info(() -> caller.name() + " shares the table " + name + ": public=" + wanted.isPublic()
                    + ", groups " + wanted.readGroups());
                return wanted;
            });
        }
    }

    /** Groups that exist, and (administrators aside) that the owner is in; groups already set may stay. */
    private static void checkGroups(Connection c, Caller caller, Sharing wanted, Sharing current) throws SQLException {
        Set<String> missing = new TreeSet<>(wanted.readGroups());
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM archive.groups WHERE name = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", wanted.readGroups().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    missing.remove(rs.getString("name"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new TableRequestException(400, "no group " + String.join(", ", missing) + " in this archive");
        }
        if (!caller.admin()) {
            Set<String> foreign = new TreeSet<>(wanted.readGroups());
            foreign.removeAll(caller.groups());
            foreign.removeAll(current.readGroups());
            if (!foreign.isEmpty()) {
                throw new TableRequestException(400, "you are not a member of the group " + String.join(", ", foreign)
                    + ": share with your own groups only");
            }
        }
    }

    /**
     * Sets a table's access levels (its columns carry the table's) and groups, and the anonymous callers' role's
     * privileges with them (defence in depth behind the ADQL checker, V21/V22's principle).
     */
    private void apply(Connection c, PersonalTable table, Sharing sharing) throws SQLException {
        String level = sharing.isPublic() ? "PUBLIC" : "PRIVATE";
        long id = table.id();
        // the table's levels, and its columns' with them (a column is never shared otherwise than its table)
        for (String update : List.of(
                "UPDATE archive.tables SET data_access = ?, metadata_access = ?, updated = now() WHERE id = ?",
                "UPDATE archive.columns SET data_access = ?, metadata_access = ? WHERE table_id = ?")) {
            try (PreparedStatement s = c.prepareStatement(
                    update + " AND (data_access, metadata_access) IS DISTINCT FROM (?, ?)")) {
                s.setString(1, level);
                s.setString(2, level);
                s.setLong(3, id);
                s.setString(4, level);
                s.setString(5, level);
                s.executeUpdate();
            }
        }
        if (!sharing.readGroups().equals(table.sharing().readGroups())) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.table_groups WHERE table_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO archive.table_groups (table_id, group_id)
                    SELECT ?, g.id FROM archive.groups g WHERE g.name = ANY (?)""")) {
                s.setLong(1, id);
                s.setArray(2, c.createArrayOf("text", sharing.readGroups().toArray()));
                s.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            String anonymous = Sql.identifier(roles.anonymousRole());
            if (sharing.isPublic()) {
                try (PreparedStatement p = c.prepareStatement("SELECT archive.personal_schema_public(?)")) {
                    p.setString(1, table.name().schema());
                    p.execute();
                }
                s.execute("GRANT SELECT ON " + table.name().sql() + " TO " + anonymous);
            } else {
                s.execute("REVOKE SELECT ON " + table.name().sql() + " FROM " + anonymous);
            }
        }
    }

    /**
     * After rows were added to (or an index built on) {@code table} in {@code c}'s transaction: ANALYZE, then under
     * the owner's quota lock ({@link StorageQuotas#locked}) the table's exact size checked against what the owner
     * may still store, and archive.personal_tables' row count, bytes and time updated. The caller commits.
     *
     * @param addedRows rows added in this transaction (0 for an index)
     * @throws TableRequestException 413 naming the size, what is free and the limit (the caller rolls back)
     */
    public void settle(Connection c, PersonalTable table, long addedRows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table.name().sql());
        }
        StorageQuotas.Quota quota = quotas.locked(c, table.owner());
        long size;
        try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(CAST(? AS regclass)) AS bytes")) {
            s.setString(1, table.name().sql());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                size = rs.getLong("bytes");
            }
        }
        long others = quota.used() - table.bytes(); // table.bytes(): what this table counted before the change
        if (others + size > quota.limit()) {
            throw new TableRequestException(413, "the table " + table.name() + " would take " + size + " bytes; "
                + Math.max(0, quota.limit() - others) + " of your " + quota.limit() + " bytes are free (your jobs use "
                + quota.jobBytes() + "): drop tables or delete jobs you no longer need");
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE archive.personal_tables SET row_count = row_count + ?, bytes = ?, updated = now()
                 WHERE table_id = ?""")) {
            s.setLong(1, addedRows);
            s.setLong(2, size);
            s.setLong(3, table.id());
            s.executeUpdate();
        }
    }

    /** The caller's login. @throws TableRequestException 401 for an anonymous caller */
    private static String signedIn(Caller caller) {
        if (!caller.authenticated()) {
            throw new TableRequestException(401, "sign in (a password or a personal token) to change tables");
        }
        return caller.name();
    }

    /** A table the caller may see: its id and owner (null: published data). */
    private record Visible(long id, String owner) {
    }

    /**
     * The table of that name as the caller sees it (the visibility views with the caller set on the
     * transaction: the same rules as TAP_SCHEMA's).
     *
     * @throws TableRequestException 404 if the caller may not see it
     */
    private static Visible visible(Connection c, Caller caller, TableName name) throws SQLException {
        caller.applyTo(c);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.id, t.owner FROM archive.visible_tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ?""")) {
            s.setString(1, name.schema());
            s.setString(2, name.table());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TableRequestException(404, "no table " + name + " that you may see");
                }
                return new Visible(rs.getLong("id"), rs.getString("owner"));
            }
        }
    }

    /** As {@link #visible}, and a personal table (else 404: published tables have no permissions here). */
    private static Visible personalVisible(Connection c, Caller caller, TableName name) throws SQLException {
        Visible found = visible(c, caller, name);
        if (found.owner() == null) {
            throw new TableRequestException(404, name + " is published data of the archive, not a personal table: it"
                + " has no permissions here");
        }
        return found;
    }

    /**
     * Room for a new table of {@code owner} named {@code name}, in {@code c}'s transaction: under the owner's quota
     * lock (their new tables one at a time, so that the count is what the limit is checked on), within the tables
     * limit, the name free; the owner's schema made if missing.
     *
     * @return the schema's id
     * @throws TableRequestException 403 at the tables limit, 409 if the name is taken
     */
    private long newTable(Connection c, TableName name, String owner) throws SQLException {
        StorageQuotas.Quota quota = quotas.locked(c, owner);
        if (quota.tables() >= quota.maxTables()) {
            throw new TableRequestException(403, "you have " + quota.tables() + " tables, the most allowed ("
                + quota.maxTables() + "); drop tables you no longer need");
        }
        long schemaId = personalSchema(c, name.schema(), owner);
        if (exists(c, name)) {
            throw new TableRequestException(409, "the table " + name + " exists already; drop it first or choose"
                + " another name");
        }
        return schemaId;
    }

    /** The user's schema made if missing (database schema and metadata row); its id. */
    private static long personalSchema(Connection c, String schema, String owner) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("SELECT archive.personal_schema(?, ?) AS id")) {
            s.setString(1, schema);
            s.setString(2, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong("id");
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE archive.schemas SET schema_index = ? WHERE id = ? AND schema_index IS NULL")) {
            s.setInt(1, SCHEMA_INDEX);
            s.setLong(2, id);
            s.executeUpdate();
        }
        return id;
    }

    /** A table of that name in the metadata or in the database (a kept result's, an orphan's). */
    private static boolean exists(Connection c, TableName name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT EXISTS (SELECT FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                                WHERE s.name = ? AND t.name = ?)
                    OR to_regclass(?) IS NOT NULL AS found""")) {
            s.setString(1, name.schema());
            s.setString(2, name.table());
            s.setString(3, name.sql());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean("found");
            }
        }
    }

    /**
     * The metadata rows of a new table: archive.tables (the owner's alone: PRIVATE without groups), its columns
     * with the VOTable types of the database's (as discovery states a published table's) and archive.personal_tables.
     */
    private static long insertMetadata(Connection c, long schemaId, TableName name, String owner, TableSpec spec,
                                       String origin) throws SQLException {
        return insertMetadata(c, schemaId, name, owner, spec, origin, null);
    }

    /** @param typed columns whose types are given (a kept result's, as its FIELDs), or null: the database's */
    private static long insertMetadata(Connection c, long schemaId, TableName name, String owner, TableSpec spec,
                                       String origin, List<ColumnSpec> typed) throws SQLException {
        long tableId;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.tables (schema_id, name, table_type, description, utype, nrows, published,
                                            data_access, metadata_access, owner)
                VALUES (?, ?, 'table', ?, ?, 0, true, 'PRIVATE', 'PRIVATE', ?) RETURNING id""")) {
            s.setLong(1, schemaId);
            s.setString(2, name.table());
            s.setString(3, spec.description());
            s.setString(4, spec.utype());
            s.setString(5, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                tableId = rs.getLong("id");
            }
        }
        Map<String, ValueType> types = databaseTypes(c, name);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.columns (table_id, name, description, unit, ucd, utype, datatype, arraysize, xtype,
                                             column_index, data_access, metadata_access, owner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PRIVATE', 'PRIVATE', ?)""")) {
            int index = 0;
            for (ColumnSpec col : spec.columns()) {
                ValueType type = typed == null ? types.get(col.name())
                    : new ValueType(col.datatype(), col.arraysize(), col.xtype());
                s.setLong(1, tableId);
                s.setString(2, col.name());
                s.setString(3, col.description());
                s.setString(4, col.unit());
                s.setString(5, col.ucd());
                s.setString(6, col.utype());
                s.setString(7, type.datatype());
                s.setString(8, type.arraysize());
                s.setString(9, type.xtype());
                s.setInt(10, ++index);
                s.setString(11, owner);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO archive.personal_tables (table_id, owner, origin) VALUES (?, ?, ?)")) {
            s.setLong(1, tableId);
            s.setString(2, owner);
            s.setString(3, origin);
            s.executeUpdate();
        }
        return tableId;
    }

    /** The VOTable types of a table's columns as the database holds them, by column name. */
    private static Map<String, ValueType> databaseTypes(Connection c, TableName name) throws SQLException {
        Map<String, ValueType> types = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
                 WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            s.setString(1, name.sql());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString("attname"), DatabaseTypes.votable(rs.getString("type")));
                }
            }
        }
        return types;
    }

    /**
     * The PostgreSQL type of a declared column (the one mapping of uploads, kept results and personal tables).
     *
     * @throws TableRequestException 400 naming the column and its type
     */
    private static String sqlType(ColumnSpec column) {
        try {
            return ColumnTypes.sqlType(column.datatype(), column.arraysize(), column.xtype());
        } catch (IllegalArgumentException e) {
            throw new TableRequestException(400, "column " + column.name() + ": " + e.getMessage(), e);
        }
    }

    private static String typeText(ColumnSpec c) {
        return c.datatype() + (c.arraysize() == null ? "" : "[" + c.arraysize() + "]")
            + (c.xtype() == null ? "" : " (" + c.xtype() + ")");
    }

    /**
     * Rows into the table in {@code c}'s transaction ({@link TableLoads#copy}); the body breaking off while it is
     * read (the client went, a truncated stream) is a 400, and nothing is kept. The rows stay open: whoever opened
     * them closes them.
     */
    private long copy(Connection c, PersonalTable table, RowSource rows, boolean freeze) throws SQLException {
        try {
            return loads.copy(c, table, rows, freeze);
        } catch (IOException e) {
            throw new TableRequestException(400, "the rows could not be read: " + e.getMessage(), e);
        }
    }

    /** A personal table as stored, with its columns, groups and indexed columns. */
    private static PersonalTable read(Connection c, long tableId) throws SQLException {
        List<PersonalTable> found = read(c, "t.id = ?", tableId);
        if (found.isEmpty()) {
            throw new TableRequestException(404, "no personal table of id " + tableId);
        }
        return found.get(0);
    }

    /**
     * The personal tables a condition of one parameter selects, by name, each as {@link #read(Connection, long)}
     * gives it: two queries for any number of tables (an owner's list is read at every visit of their page).
     */
    private static List<PersonalTable> read(Connection c, String condition, Object parameter) throws SQLException {
        Map<Long, PersonalTable> tables = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.id AS table_id, s.name AS schema_name, t.name AS table_name, t.description, t.data_access,
                       pt.owner, pt.row_count, pt.bytes, pt.origin, pt.created, pt.source_tables,
                       ARRAY(SELECT g.name FROM archive.table_groups tg JOIN archive.groups g ON g.id = tg.group_id
                              WHERE tg.table_id = t.id ORDER BY g.name) AS read_groups
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                  JOIN archive.personal_tables pt ON pt.table_id = t.id
                 WHERE %s
                 ORDER BY t.name""".formatted(condition))) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getLong("table_id"), new PersonalTable(rs.getLong("table_id"),
                        new TableName(rs.getString("schema_name"), rs.getString("table_name")),
                        rs.getString("owner"), rs.getLong("row_count"), rs.getLong("bytes"),
                        new Sharing("PUBLIC".equals(rs.getString("data_access")), Set.copyOf(strings(rs, "read_groups"))),
                        rs.getString("origin"), rs.getObject("created", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("description"), List.of(), List.of(), strings(rs, "source_tables")));
                }
            }
        }
        if (tables.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ColumnSpec>> columns = new HashMap<>();
        Map<Long, List<String>> indexed = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT table_id, name, datatype, arraysize, xtype, unit, ucd, utype, description, indexed
                  FROM archive.columns WHERE table_id = ANY (?)
                 ORDER BY table_id, column_index NULLS LAST, name""")) {
            s.setArray(1, c.createArrayOf("bigint", tables.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("table_id");
                    columns.computeIfAbsent(id, k -> new ArrayList<>()).add(new ColumnSpec(rs.getString("name"),
                        rs.getString("datatype"), rs.getString("arraysize"), rs.getString("xtype"), rs.getString("unit"),
                        rs.getString("ucd"), rs.getString("utype"), rs.getString("description")));
                    if (rs.getBoolean("indexed")) {
                        indexed.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("name"));
                    }
                }
            }
        }
        List<PersonalTable> result = new ArrayList<>();
        tables.forEach((id, t) -> result.add(new PersonalTable(id, t.name(), t.owner(), t.rows(), t.bytes(), t.sharing(),
            t.origin(), t.created(), t.description(), columns.getOrDefault(id, List.of()),
            indexed.getOrDefault(id, List.of()), t.sourceTables())));
        return result;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
