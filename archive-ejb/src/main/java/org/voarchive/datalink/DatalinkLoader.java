package org.voarchive.datalink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.database.Transactions;
import org.voarchive.table.CopyEncoder;

/**
 * Loads datalink rows from a VOTable or CSV file whose columns are named as
 * DataLink's (ID, access_url, service_def, error_message, semantics,
 * description, content_type, content_length, content_qualifier,
 * local_semantics) plus an optional table_name ("schema.table", whose access
 * rules the row then follows: see {@link LinkAccess}). An access_url may be a path of this archive
 * (/files/..., plainly written: see {@link ArchiveFiles#canonical}), written out against its base URL. Every row is checked; the file is streamed
 * into a temporary table and applied in one transaction, so a bad file
 * changes nothing. MERGE replaces the rows of the IDs in the file, REPLACE all rows. The back office shows
 * first what a load would change ({@link #preview}) and then applies exactly that ({@link #apply}).
 */
public final class DatalinkLoader {

    public enum Mode { MERGE, REPLACE }

    /** @param removed stored rows that were replaced */
    public record Report(long rows, long objects, long removed, Mode mode) {
    }

    /** The file's columns, in the order of the temporary table's. */
    static final List<String> COLUMNS = List.of("id", "access_url", "service_def", "error_message", "semantics",
        "description", "content_type", "content_length", "content_qualifier", "local_semantics", "table_name");
    static final String TARGET = "object_id, access_url, service_def, error_message, semantics, description,"
        + " content_type, content_length, content_qualifier, local_semantics, table_name";

    private final Connection connection;
    private final String baseUrl;

    /** @param baseUrl the archive's base URL, against which full URIs of local semantics are recognised */
    public DatalinkLoader(Connection connection, String baseUrl) {
        this.connection = connection;
        this.baseUrl = baseUrl;
    }

    /**
     * @param format votable or csv
     * @throws IllegalArgumentException for a file that is not a datalink table or has a bad row (nothing is changed)
     */
    public Report load(Path file, String format, Mode mode) throws IOException, SQLException {
        try (LinkRows rows = LinkRows.open(file, format)) {
            int[] positions = positions(rows.columns());
            return Transactions.inTransaction(connection, () -> {
                long count = stage(rows, positions);
                long removed;
                try (Statement s = connection.createStatement()) {
                    removed = s.executeUpdate(mode == Mode.REPLACE ? "DELETE FROM archive.datalinks"
                        : "DELETE FROM archive.datalinks WHERE object_id IN (SELECT object_id FROM datalink_load)");
                    s.executeUpdate("INSERT INTO archive.datalinks (" + TARGET + ") SELECT " + TARGET
                        + " FROM datalink_load ORDER BY id");
                    try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT object_id) AS objects FROM datalink_load")) {
                        rs.next();
                        return new Report(count, rs.getLong("objects"), removed, mode);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * What loading the file would change, per ID, changing nothing: the file's rows against the stored ones
     * (see {@link LoadDiff}), with the token that {@link #apply} takes.
     *
     * @throws IllegalArgumentException for a file that is not a datalink table or has a bad row
     */
    public LoadDiff preview(Path file, String format, Mode mode) throws IOException, SQLException {
        try (LinkRows rows = LinkRows.open(file, format)) {
            int[] positions = positions(rows.columns());
            return Transactions.inTransaction(connection, () -> {
                long count = stage(rows, positions);
                return LoadDiff.compare(connection, mode, count);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Applies exactly what {@link #preview} showed: the file is read and compared again with the stored rows
     * locked against other loads, and applied only if that gives the preview's token (the same file and mode
     * against the same stored rows); then the added and replaced IDs get the file's rows and the removed lose
     * theirs, and IDs whose rows are the same are left as they are (their dates too).
     *
     * @throws StalePreview if the stored rows or the file are not those of the preview (nothing is changed)
     */
    public LoadDiff apply(Path file, String format, Mode mode, String token) throws IOException, SQLException {
        try (LinkRows rows = LinkRows.open(file, format)) {
            int[] positions = positions(rows.columns());
            return Transactions.inTransaction(connection, () -> {
                try (Statement s = connection.createStatement()) {
                    // other loads wait until this one is in (readers do not)
                    s.execute("LOCK TABLE archive.datalinks IN SHARE ROW EXCLUSIVE MODE");
                }
                long count = stage(rows, positions);
                LoadDiff diff = LoadDiff.compare(connection, mode, count);
                if (!diff.token().equals(token)) {
                    throw new StalePreview();
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM archive.datalinks WHERE object_id = ANY (?)");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO archive.datalinks (" + TARGET
                        + ") SELECT " + TARGET + " FROM datalink_load WHERE object_id = ANY (?) ORDER BY id")) {
                    delete.setArray(1, connection.createArrayOf("text", diff.gone().toArray()));
                    delete.executeUpdate();
                    insert.setArray(1, connection.createArrayOf("text", diff.loaded().toArray()));
                    insert.executeUpdate();
                }
                return diff;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The file's rows, checked, in the temporary table datalink_load (dropped at commit). */
    private long stage(LinkRows rows, int[] positions) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE datalink_load (LIKE archive.datalinks INCLUDING DEFAULTS)"
                + " ON COMMIT DROP");
        }
        long count = copy(rows, positions);
        try (Statement s = connection.createStatement()) {
            // a temporary table has no statistics: without them the joins with the stored rows are planned blind
            s.execute("ANALYZE datalink_load");
        }
        checkTables();
        return count;
    }

    /** Where each of {@link #COLUMNS} is in the file (-1: absent). */
    private static int[] positions(List<String> names) {
        int[] positions = new int[COLUMNS.size()];
        java.util.Arrays.fill(positions, -1);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int at = COLUMNS.indexOf(names.get(i).toLowerCase(Locale.ROOT));
            if (at < 0) {
                unknown.add(names.get(i));
            } else if (positions[at] >= 0) {
                throw new IllegalArgumentException("column " + names.get(i) + " is there twice");
            } else {
                positions[at] = i;
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown columns " + unknown + "; a datalink file has the columns "
                + "ID, access_url, service_def, error_message, semantics, description, content_type, content_length, "
                + "content_qualifier, local_semantics and table_name");
        }
        if (positions[0] < 0 || positions[4] < 0) {
            throw new IllegalArgumentException("a datalink file needs the columns ID and semantics");
        }
        return positions;
    }

    private long copy(LinkRows rows, int[] positions) throws SQLException {
        long count = 0;
        PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
            "COPY datalink_load (" + TARGET + ") FROM STDIN (FORMAT csv)", 1 << 16);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            CopyEncoder encoder = new CopyEncoder(out);
            String[] cells;
            while ((cells = rows.next()) != null) {
                count++;
                encoder.write(checked(cells, positions, count));
            }
            out.flush();
            stream.endCopy();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        }
    }

    /** The row as the temporary table takes it, or an IllegalArgumentException naming the row and what is wrong. */
    Object[] checked(String[] cells, int[] positions, long row) {
        Object[] values = new Object[COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            String v = positions[i] < 0 ? null : cells[positions[i]];
            values[i] = v == null || v.isBlank() ? null : v.trim();
        }
        String at = "row " + row;
        if (values[0] == null) {
            throw new IllegalArgumentException(at + ": ID is empty");
        }
        at = at + " (ID " + values[0] + ")";
        int given = (values[1] == null ? 0 : 1) + (values[2] == null ? 0 : 1) + (values[3] == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException(at + ": a link has exactly one of access_url, service_def and error_message");
        }
        String semantics = (String) values[4];
        String finalAt = at;
        values[4] = Semantics.stored(semantics, baseUrl).orElseThrow(() -> new IllegalArgumentException(finalAt
            + ": semantics " + semantics + " is neither a term of the DataLink core vocabulary (#this, #preview ...) or of "
            + "this archive's (#doi), nor a full URI"));
        if (values[1] != null && !absolute((String) values[1]) && !((String) values[1]).startsWith("/")) {
            throw new IllegalArgumentException(at + ": access_url " + values[1] + " is neither an absolute URL nor a path"
                + " of this archive (/files/...)");
        }
        if (values[1] != null && ArchiveFiles.isArchiveFile((String) values[1])
                && ArchiveFiles.canonical(((String) values[1]).substring(ArchiveFiles.PREFIX.length())).isEmpty()) {
            // the files are served by exactly the paths rows store: another spelling would link nothing
            throw new IllegalArgumentException(at + ": access_url " + values[1] + " is no plain path of a file: "
                + ArchiveFiles.PREFIX + " and the path below the files directory, without . or .. or empty segments,"
                + " percent escapes, query or fragment");
        }
        if (values[7] != null) {
            try {
                long length = Long.parseLong((String) values[7]);
                if (length < 0) {
                    throw new NumberFormatException();
                }
                values[7] = length;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at + ": content_length " + values[7] + " is not a number of bytes");
            }
        }
        return values;
    }

    private static boolean absolute(String url) {
        try {
            URI u = new URI(url);
            return u.isAbsolute() && u.getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** table_name must name a table the metadata knows. */
    private void checkTables() throws SQLException {
        List<String> unknown = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT DISTINCT table_name FROM datalink_load WHERE table_name IS NOT NULL
                EXCEPT SELECT s.name || '.' || t.name FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 LIMIT 5""")) {
            while (rs.next()) {
                unknown.add(rs.getString("table_name"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("table_name names tables the metadata does not know: " + unknown);
        }
    }
}
