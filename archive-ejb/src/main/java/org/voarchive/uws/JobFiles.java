package org.voarchive.uws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of jobs under the results directory: {@code <job>/uploads/<part>}
 * for inline uploads and {@code <job>/results/<file>} for results. Names come
 * from clients, so they are checked before they become paths.
 *
 * <p>Each attempt to execute a job writes its own results directory: attempt 1 (and a job never run)
 * {@code results/}, attempt n &ge; 2 {@code results-<n>/} (a job runs again when its node died). So a node that
 * was declared dead and wakes up can only write into its own attempt's directory, never into the files of the
 * attempt that replaced it; the job's recorded attempt says which directory is its results. The directory is
 * shared by all nodes of a cluster (same path on each).
 */
public final class JobFiles {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;

    public JobFiles(Path root) {
        this.root = root;
    }

    private Path job(String jobId) {
        return root.resolve(safe(jobId));
    }

    private static String safe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe file name: " + name);
        }
        return name;
    }

    public static boolean isSafe(String name) {
        return SAFE_NAME.matcher(name).matches();
    }

    /**
     * Stores an inline upload, replacing a part of the name, as far as the budget lets it. It is written
     * beside and moved into place, so that a refused or broken upload leaves the part as it was.
     *
     * @return the bytes stored
     * @throws UwsException 413 when the budget refuses it
     */
    long storeUpload(String jobId, String part, InputStream content, UploadBudget budget) throws IOException, UwsException {
        Path dir = Files.createDirectories(job(jobId).resolve("uploads"));
        Path file = dir.resolve(safe(part));
        Path partial = dir.resolve(".partial-" + part); // never a part's name: those start with a letter or digit
        try (InputStream in = content; var out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                budget.take(part, n);
                total += n;
                out.write(buffer, 0, n);
            }
            out.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return total;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The bytes of a stored upload, 0 if there is none. */
    long uploadSize(String jobId, String part) throws IOException {
        Optional<Path> file = upload(jobId, part);
        return file.isPresent() ? Files.size(file.get()) : 0;
    }

    public Optional<Path> upload(String jobId, String part) {
        if (!isSafe(part)) {
            return Optional.empty();
        }
        Path file = job(jobId).resolve("uploads").resolve(part);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The results directory of one attempt to execute a job. */
    private Path results(String jobId, int attempt) {
        return job(jobId).resolve(attempt <= 1 ? "results" : "results-" + attempt);
    }

    Path createResult(String jobId, int attempt, String fileName) throws IOException {
        return Files.createDirectories(results(jobId, attempt)).resolve(safe(fileName));
    }

    Path result(String jobId, int attempt, String fileName) {
        return results(jobId, attempt).resolve(safe(fileName));
    }

    /** A result file of the job, in the directory of its recorded attempt. */
    public Path result(Job job, String fileName) {
        return result(job.id(), job.attempt(), fileName);
    }

    /**
     * Job directories last changed before the cutoff: candidates for the orphan sweep (a job whose row was
     * deleted while its files were not, e.g. in a crash between the two).
     */
    List<String> directoriesOlderThan(Instant cutoff) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                .filter(d -> isSafe(d.getFileName().toString()))
                .filter(d -> {
                    try {
                        return Files.getLastModifiedTime(d).toInstant().isBefore(cutoff);
                    } catch (IOException e) {
                        return false; // gone meanwhile
                    }
                })
                .map(d -> d.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the results of one attempt: it did not complete, or its node died. Deleting what is gone already
     * is no error: two nodes taking over the same dead attempt may both do it.
     */
    void deleteAttempt(String jobId, int attempt) {
        deleteTree(results(jobId, attempt));
    }

    /** Removes everything of a job. */
    public void delete(String jobId) {
        deleteTree(job(jobId));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // gone already
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
