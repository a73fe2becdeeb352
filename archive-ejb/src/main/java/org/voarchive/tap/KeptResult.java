package org.voarchive.tap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.database.Sql;
import org.voarchive.metadata.TableName;

/**
 * A result kept as a table, as archive.kept_results records it (V26).
 *
 * @param owner        the job's owner, null for an anonymous job
 * @param rows         the rows kept: the result's
 * @param overflow     MAXREC cut the result (the query has more rows)
 * @param sourceTables the published tables the query read
 * @param made         its table is made (V29: the first read makes it, {@link KeptResults#made})
 */
record KeptResult(String jobId, String owner, TableName table, List<KeptColumn> columns, long rows, boolean overflow,
                  List<String> sourceTables, String query, boolean made) {

    KeptResult {
        columns = List.copyOf(columns);
        sourceTables = List.copyOf(sourceTables);
    }

    /** One row per column, in order, with the result's own columns repeated; {@code k} restricted by the caller. */
    private static final String SELECT = """
        SELECT k.job_id, k.owner, k.schema_name, k.table_name, k.row_count, k.overflow, k.source_tables, k.query,
               k.made, %s
          FROM archive.kept_results k CROSS JOIN LATERAL jsonb_array_elements(k.columns) WITH ORDINALITY AS e(c, n)
         WHERE %s
         ORDER BY k.created, k.job_id, e.n""";

    /** The kept result of a job, if its result was kept. */
    static Optional<KeptResult> find(Connection c, String jobId) throws SQLException {
        List<KeptResult> found = read(c, "k.job_id = ?", jobId);
        return found.stream().findFirst();
    }

    /** The kept results of a signed-in owner, oldest first. */
    static List<KeptResult> ofOwner(Connection c, String owner) throws SQLException {
        return read(c, "k.owner = ?", owner);
    }

    private static List<KeptResult> read(Connection c, String condition, String value) throws SQLException {
        List<KeptResult> results = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT.formatted(KeptColumn.SQL, condition))) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                KeptResult current = null; // the result of the rows so far, without their columns
                List<KeptColumn> columns = new ArrayList<>();
                while (rs.next()) {
                    if (current == null || !rs.getString("job_id").equals(current.jobId())) {
                        if (current != null) {
                            results.add(current.with(columns));
                        }
                        current = new KeptResult(rs.getString("job_id"), rs.getString("owner"),
                            new TableName(rs.getString("schema_name"), rs.getString("table_name")), List.of(),
                            rs.getLong("row_count"), rs.getBoolean("overflow"),
                            Arrays.asList((String[]) rs.getArray("source_tables").getArray()), rs.getString("query"),
                            rs.getBoolean("made"));
                        columns = new ArrayList<>();
                    }
                    columns.add(KeptColumn.read(rs));
                }
                if (current != null) {
                    results.add(current.with(columns));
                }
            }
        }
        return results;
    }

    private KeptResult with(List<KeptColumn> allColumns) {
        return new KeptResult(jobId, owner, table, allColumns, rows, overflow, sourceTables, query, made);
    }

    /** The same result, its table made. */
    KeptResult asMade() {
        return new KeptResult(jobId, owner, table, columns, rows, overflow, sourceTables, query, true);
    }

    /** The column named so (exactly), by its index. */
    Optional<Integer> column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The columns (from 0) whose values are Datalink IDs. */
    List<Integer> datalinkColumns() {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).datalink()) {
                found.add(i);
            }
        }
        return found;
    }

    /** The select list of the result's columns (without the row number), qualified with {@code alias}. */
    String selectList(String alias) {
        StringJoiner list = new StringJoiner(", ");
        for (KeptColumn c : columns) {
            list.add(alias + "." + Sql.identifier(c.name()));
        }
        return list.toString();
    }

    /** As the owner's ADQL sees it. */
    TableInfo adql() {
        return new TableInfo(table.schema(), table.table(), "The result of async TAP job " + jobId + " (" + rows
            + (rows == 1 ? " row" : " rows") + (overflow ? ", cut by MAXREC" : "") + "), kept as a table: " + query,
            columns.stream().map(KeptColumn::adql).toList());
    }
}
