package org.voarchive.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the primary's write-ahead log was lately, sampled for free: every request reads the metadata generation
 * (metadata.PublishedMetadataCache), and that one-row read also returns {@code pg_current_wal_lsn()}. Keeps one
 * sample per second for ten minutes, and the position first seen with the current generation (at or after the
 * commit of the change that made it). {@link #required} is what a replica must have replayed to serve a
 * request ({@link ReadRouting}): the metadata the request was checked against, and everything the primary had
 * at some moment within the lag bound.
 */
@ApplicationScoped
public class PrimaryPosition {

    private static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Sample(long nanos, WalPosition position) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long generation;
    private WalPosition generationPosition;

    /** The metadata generation and the primary's WAL position, read together now. */
    public void sample(long generation, WalPosition position) {
        sample(System.nanoTime(), generation, position);
    }

    synchronized void sample(long nanos, long generation, WalPosition position) {
        // a new generation's first position; one read earlier but reported later (another request's thread) has
        // an older position and must not replace it: the log only moves forward
        if (generationPosition == null
                || (generation != this.generation && position.compareTo(generationPosition) > 0)) {
            this.generation = generation;
            generationPosition = position;
        }
        Sample last = samples.peekLast();
        if (last == null || nanos - last.nanos() >= EVERY_NANOS) {
            samples.addLast(new Sample(nanos, position));
        }
        while (nanos - samples.peekFirst().nanos() > KEPT_NANOS) {
            samples.removeFirst();
        }
    }

    /**
     * The position a replica must have replayed to serve a request now: the later of the current generation's
     * and the oldest sample taken within the last {@code maxLagSeconds}. Empty when there is none (no request
     * read the generation within the bound): then only the primary serves, strict rather than lenient.
     */
    public Optional<WalPosition> required(int maxLagSeconds) {
        return required(System.nanoTime(), maxLagSeconds);
    }

    synchronized Optional<WalPosition> required(long nanos, int maxLagSeconds) {
        long bound = TimeUnit.SECONDS.toNanos(maxLagSeconds);
        for (Sample s : samples) {
            if (nanos - s.nanos() <= bound) {
                return Optional.of(s.position().max(generationPosition));
            }
        }
        return Optional.empty();
    }
}
