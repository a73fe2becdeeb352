package org.voarchive.table;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.util.Compression;
import uk.ac.starlink.util.FileDataSource;

/**
 * A table file from outside, checked before STIL reads it, then read with exactly the handler its format
 * names (never STIL's format detection, which would also take FITS-plus, PDS4 labels pointing at other
 * files, and more). Compressed files are decompressed first (within the byte limit), so the bytes that
 * were checked are the bytes STIL parses. Close it to remove its scratch files.
 */
public final class UntrustedTable implements AutoCloseable {

    /** The formats the archive reads from outside, as STIL's handler names. */
    public static final List<String> FORMATS = List.of("votable", "fits", "csv");
    /** Gzip in gzip in gzip is not a table anyone sends; deeper nesting is refused. */
    private static final int MAX_COMPRESSION_LAYERS = 2;

    private final Path scratch;
    private final Path file;
    private final TableBuilder builder;
    private final String format;

    private UntrustedTable(Path scratch, Path file, String format) {
        this.scratch = scratch;
        this.file = file;
        this.format = format;
        try {
            this.builder = new StarTableFactory(false).getTableBuilder(format);
        } catch (TableFormatException e) {
            throw new IllegalStateException("STIL has no handler " + format, e);
        }
    }

    /**
     * Checks {@code file} as a table of {@code format}.
     *
     * @param format one of {@link #FORMATS}, or null to tell it from the first bytes
     * @param maxBytes the most bytes the table may have once decompressed
     * @throws TableRefusedException if the file is unsafe or malformed, saying why
     */
    public static UntrustedTable open(Path file, String format, long maxBytes) throws IOException {
        if (format != null && !FORMATS.contains(format)) {
            throw new TableRefusedException("the format '" + format + "' is not read here; give one of " + FORMATS);
        }
        Path scratch = Files.createTempDirectory("untrusted-table-");
        try {
            Path plain = decompressed(file, scratch, maxBytes);
            if (format == null) {
                format = sniff(plain);
            }
            if (format.equals("votable")) {
                VoTableCheck.check(plain, scratch);
            } else if (format.equals("fits")) {
                FitsCheck.check(plain);
            }
            return new UntrustedTable(scratch, plain, format);
        } catch (IOException | RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    /** The table, its rows kept as the policy says. */
    public StarTable read(StoragePolicy policy) throws IOException {
        try {
            return builder.makeStarTable(new FileDataSource(file.toFile()), false, policy);
        } catch (TableFormatException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Streams the table into {@code sink} (rows never all in memory). Formats that cannot stream (CSV infers
     * its column types in a first pass) are read twice from the file instead, keeping no rows.
     */
    public void stream(TableSink sink) throws IOException {
        try {
            if (!format.equals("csv")) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    builder.streamStarTable(in, sink, null);
                }
                return;
            }
            StarTable table = builder.makeStarTable(new FileDataSource(file.toFile()), false, StoragePolicy.DISCARD);
            sink.acceptMetadata(table);
            try (var rows = table.getRowSequence()) {
                while (rows.next()) {
                    sink.acceptRow(rows.getRow());
                }
            }
            sink.endRows();
        } catch (TableFormatException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    private TableRefusedException unreadable(TableFormatException e) {
        return new TableRefusedException("not a readable " + format + " table: " + e.getMessage());
    }

    /**
     * STIL's readers stumble over some malformed files with runtime exceptions rather than format errors (its
     * CSV reader on a file of a header and no rows: NegativeArraySizeException): the file's fault all the same.
     */
    private TableRefusedException failed(RuntimeException e) {
        return new TableRefusedException("not a readable " + format + " table (the reader failed with "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    /** The format the table was read as. */
    public String format() {
        return format;
    }

    /**
     * The format of an uncompressed table file from its first bytes: XML (after a byte order mark or white
     * space) is VOTable, a FITS primary header is FITS, anything else CSV.
     */
    public static String sniff(Path plain) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(plain)) {
            head = in.readNBytes(512);
        }
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "")
            .stripLeading();
        return start.startsWith("<") ? "votable" : start.startsWith("SIMPLE  =") ? "fits" : "csv";
    }

    /** Removes the scratch files; closing again does nothing (a reader and the code that opened it may both close it). */
    @Override
    public void close() throws IOException {
        if (Files.exists(scratch)) {
            delete(scratch);
        }
    }

    /** The file itself, or its content decompressed into the scratch directory, counted against the limit. */
    private static Path decompressed(Path file, Path scratch, long maxBytes) throws IOException {
        Path current = file;
        for (int layer = 0; ; layer++) {
            byte[] magic;
            try (InputStream in = Files.newInputStream(current)) {
                magic = in.readNBytes(3);
            }
            // no compressed file is shorter than its magic number (STIL refuses to look at fewer bytes)
            Compression compression = magic.length < 3 ? Compression.NONE : Compression.getCompression(magic);
            if (compression == Compression.NONE) {
                if (Files.size(current) > maxBytes) {
                    throw new TableRefusedException("the table has more than the limit of " + maxBytes + " bytes");
                }
                return current;
            }
            if (layer == MAX_COMPRESSION_LAYERS) {
                throw new TableRefusedException("the table is compressed more than " + MAX_COMPRESSION_LAYERS + " times over");
            }
            Path next = Files.createTempFile(scratch, "decompressed-", "");
            try (InputStream in = compression.decompress(new BufferedInputStream(Files.newInputStream(current)));
                 OutputStream out = Files.newOutputStream(next)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw new TableRefusedException("the table has more than the limit of " + maxBytes
                            + " bytes once decompressed");
                    }
                    out.write(buffer, 0, n);
                }
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new TableRefusedException("the table's " + compression + " compression is broken: " + e.getMessage());
            }
            current = next;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
