package org.voarchive.datalink;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;

/**
 * The archive's own files (scans, previews, logbooks) below the configured
 * directory, which datalinks point to as {@code /files/<path>}. A file is
 * served to a caller only if a stored datalink row points at exactly that
 * path and the caller may read the data of the row's table ({@link LinkAccess});
 * a file no row points at is served to nobody. So restricted data may live
 * here: what decides is the table, as for its rows.
 */
@ApplicationScoped
public class ArchiveFiles {

    /** How datalink rows write a link to one of these files: this, then the path below the directory. */
    public static final String PREFIX = "/files/";

    private static final Map<String, String> TYPES = Map.of("fits", "application/fits", "fit", "application/fits",
        "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "pdf", "application/pdf", "txt",
        "text/plain;charset=UTF-8", "vot", "application/x-votable+xml", "xml", "text/xml", "csv", "text/csv");

    /** Characters a file path never has: percent escapes, query and fragment, backslashes, control characters. */
    private static final Pattern REFUSED = Pattern.compile("[%?#\\\\\\p{Cntrl}]");

    @EJB
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.files.dir", defaultValue = "/var/lib/voarchive/files")
    String dir;

    /**
     * A file the caller may have, with the published tables (schema.table) whose rows point at it and whose data
     * the caller may read: what the usage statistics count its download against.
     */
    public record Served(Path file, List<String> tables) {
    }

    /**
     * The file at {@code path} below the directory, if the caller may have it.
     *
     * @param path    as the caller wrote it after {@code /files/}, decoded
     * @param context what the caller may see
     * @return empty for a file that is missing, outside the directory, pointed at by no row, or of a table whose
     *         data the caller may not read: all alike, so that nobody learns which restricted files exist
     */
    public Optional<Served> file(String path, LinkContext context) throws SQLException {
        Optional<String> relative = canonical(path);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        List<String> tables = linkedFor(PREFIX + relative.get(), context);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        return below(Path.of(dir), relative.get()).map(file -> new Served(file, tables));
    }

    /** The tables of the stored rows pointing at {@code url} that the caller may use for data: one indexed lookup (V20). */
    private List<String> linkedFor(String url, LinkContext context) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                // the LIKE repeats the index's predicate, so that the planner may use the partial index
                "SELECT DISTINCT table_name FROM archive.datalinks WHERE access_url = ? AND access_url LIKE '/files/%'")) {
            s.setString(1, url);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString("table_name"));
                }
            }
        }
        return tables.stream().filter(t -> LinkAccess.dataReadable(t, context.metadata())).toList();
    }

    /** Whether a datalink access_url is a link to one of these files. */
    public static boolean isArchiveFile(String accessUrl) {
        return accessUrl.startsWith(PREFIX);
    }

    /**
     * A path below the directory in the one form rows store and requests must use: relative, segments
     * separated by single slashes, no {@code .} or {@code ..} segments, nothing escaped. Anything else is
     * refused rather than normalised, so no spelling of a path reaches a file the plain one does not name.
     *
     * @return the path, or empty if it is not in that form
     */
    public static Optional<String> canonical(String path) {
        if (path == null || path.isEmpty() || REFUSED.matcher(path).find()) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /**
     * The regular file {@code relative} (canonical) names below {@code root}, symbolic links resolved: empty if
     * it is missing, not a regular file, or (through a link) outside the root. Operators who keep files on
     * another disk point the directory setting there, not a link inside it.
     */
    static Optional<Path> below(Path root, String relative) {
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(relative).toRealPath();
            return file.startsWith(realRoot) && !file.equals(realRoot) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(file) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty(); // missing (or no directory at all): not found
        }
    }

    public static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
