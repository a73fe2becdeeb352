package org.voarchive.usertables;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.account.StorageQuotas;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.table.RowSource;

/**
 * Personal tables' life cycle and access (design §1, §3, §4.3, §4.5): create, describe, drop, keep a kept
 * result, share, and the checks every other write (loads, index jobs) starts with. Every write is one
 * transaction on the application role, which owns the tables; metadata rows move the V12 generation, so the
 * cached models reload. Refusals are {@link TableRequestException}s with the HTTP status of VOSI/youcat.
 */
@ApplicationScoped
// each method runs its own JDBC transaction; inside a caller's, the connection would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class PersonalTables {

    @EJB
    DataSources dataSources;

    @Inject
    StorageQuotas quotas;

    /**
     * Creates a table in the caller's schema as {@code spec} describes it, with {@code rowsOrNull}'s rows if any
     * (a VOTable PUT, KEEP_UPLOAD), all in one transaction.
     *
     * @param origin {@code created} or {@code upload}
     * @throws TableRequestException 400 names, 401 anonymous, 403 another schema or the tables limit, 409 exists,
     *                               413 quota
     */
    public PersonalTable create(Caller caller, TableName name, TableSpec spec, RowSource rowsOrNull, String origin)
            throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** {@link #create(Caller, TableName, TableSpec, RowSource, String)} of origin {@code created}. */
    public PersonalTable create(Caller caller, TableName name, TableSpec spec, RowSource rowsOrNull) throws SQLException {
        return create(caller, name, spec, rowsOrNull, "created");
    }

    /**
     * Updates descriptions, units, UCDs and utypes (of the table, and of the columns {@code update} names; others
     * stay) and appends {@code rowsOrNull}'s rows if any, in one transaction.
     *
     * @throws TableRequestException 400 a column the table lacks or with another datatype/arraysize/xtype, 403/404
     */
    public void describe(Caller caller, TableName name, TableSpec update, RowSource rowsOrNull) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * Drops a table with its metadata, in one transaction (waiting at most a few seconds for readers).
     *
     * @throws TableRequestException 404 if the caller may not see it, 403 if not theirs, 409 in use or a kept
     *                               result ({@code job_*})
     */
    public void drop(Caller caller, TableName name) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * Makes the kept result of the caller's async job {@code jobId} the personal table {@code name} (renamed in
     * place; the job's bytes move to the table), so that it outlives the job.
     *
     * @throws TableRequestException 401 anonymous, 404 no such job or kept result, 409 name taken or job not
     *                               COMPLETED
     */
    public PersonalTable keep(Caller caller, String jobId, TableName name) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * The caller's own personal table, for a write (load, index, describe).
     *
     * @throws TableRequestException 401 anonymous, 404 if the caller may not see it, 403 if they see it but it is
     *                               not theirs or not a personal table (published tables, views, kept results)
     */
    public PersonalTable writable(Caller caller, TableName name) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** As {@link #writable(Caller, TableName)}, in {@code c}'s transaction, locking the table's row to its end. */
    public PersonalTable writable(Connection c, Caller caller, TableName name) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** Every personal table of {@code owner} (a login), by name: what /account/storage lists. */
    public List<PersonalTable> owned(String owner) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * Who may read a table (GET permissions): for its owner or anyone who may see it.
     *
     * @throws TableRequestException 404 if the caller may not see it
     */
    public Sharing sharing(Caller caller, TableName name) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * Changes who may read a table as youcat's permissions text says (POST permissions); the owner only.
     *
     * @param authority the site's authority (ivo://...), which group URIs start with
     * @throws TableRequestException 400 bad text or group, 403 not the owner, 404 not visible
     */
    public Sharing share(Caller caller, TableName name, String permissionsText, String authority) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
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
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** Drops every personal table of {@code owner} and their schema's metadata: before the user is deleted. */
    public void dropAll(String owner) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }
}
