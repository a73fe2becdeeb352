package org.voarchive.datalink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The archive's own files (scans, previews, logbooks) below the configured
 * directory, which datalinks point to as {@code /files/<path>}. Everything
 * there is public: restricted data does not belong in it.
 */
@ApplicationScoped
public class ArchiveFiles {

    private static final Map<String, String> TYPES = Map.of("fits", "application/fits", "fit", "application/fits",
        "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "pdf", "application/pdf", "txt",
        "text/plain;charset=UTF-8", "vot", "application/x-votable+xml", "xml", "text/xml", "csv", "text/csv");

    @Inject
    @ConfigProperty(name = "archive.files.dir", defaultValue = "/var/lib/voarchive/files")
    String dir;

    /** The file at {@code path} below the directory; empty for anything else (missing, a directory, outside it). */
    public Optional<Path> file(String path) {
        Path root = Path.of(dir).toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && !file.equals(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
