package org.voarchive.metadata;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.voarchive.database.DataSources;
import org.voarchive.database.PrimaryPosition;
import org.voarchive.database.WalPosition;

/**
 * The published metadata each kind of caller sees, kept between requests:
 * reading it all takes milliseconds and grows with the archive, while checking
 * the metadata's generation (migration V12: it moves on, transactionally, with
 * every change) is one row. Callers see the same metadata when they are
 * equally authenticated and in the same groups, which is the cache's key,
 * except their own personal tables (V30): those are loaded per login
 * ({@link PublishedMetadata.Scope#OWN}) and laid over the shared part, which
 * is loaded without the login (what sharing and publication show).
 */
@ApplicationScoped
public class PublishedMetadataCache {

    /** Distinct group sets (and logins with their own tables) are few; past this many a cache starts again rather than grow. */
    private static final int MAX_ENTRIES = 1000;

    private record Key(boolean authenticated, List<String> groups) {
    }

    private record Entry(long generation, PublishedMetadata metadata) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** Signed-in callers' own personal tables, by login. */
    private final Map<String, Entry> own = new ConcurrentHashMap<>();

    @Inject
    PrimaryPosition position;

    /** The app pool itself, injected once: asking {@link DataSources} on every request cost an EJB call (JFR). */
    @Resource(lookup = DataSources.APP)
    private DataSource appPool;

    /** An authenticated user with their groups, or {@link Caller#ANONYMOUS} for null. */
    public Caller caller(String callerName) throws SQLException {
        if (callerName == null) {
            return Caller.ANONYMOUS;
        }
        try (Connection c = appPool.getConnection()) {
            return caller(c, callerName);
        }
    }

    /** As {@link #caller(String)}, on a connection of the app role. */
    public Caller caller(Connection c, String callerName) throws SQLException {
        return callerName == null ? Caller.ANONYMOUS : Caller.of(c, callerName);
    }

    /**
     * What {@code caller} sees now: committed metadata, read outside any transaction of the caller's. Inside one,
     * the connection would be the transaction's own, and the read (which ends its snapshot with a rollback)
     * would undo the caller's work; it would also cache what the caller has not committed.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PublishedMetadata get(Caller caller) throws SQLException {
        try (Connection c = appPool.getConnection()) {
            return get(c, caller);
        }
    }

    /** What {@code caller} sees now; {@code c} is a connection of the app role. */
    public PublishedMetadata get(Connection c, Caller caller) throws SQLException {
        long generation = generation(c); // before the metadata: a change after it is caught by the next request
        Key key = new Key(caller.authenticated(), caller.groups().stream().sorted().toList());
        PublishedMetadata shared = cached(entries, key, generation, c, caller, PublishedMetadata.Scope.SHARED);
        if (!caller.authenticated()) {
            return shared;
        }
        return shared.with(cached(own, caller.name(), generation, c, caller, PublishedMetadata.Scope.OWN));
    }

    private static <K> PublishedMetadata cached(Map<K, Entry> cache, K key, long generation, Connection c, Caller caller,
                                                PublishedMetadata.Scope scope) throws SQLException {
        Entry entry = cache.get(key);
        if (entry != null && entry.generation() == generation) {
            return entry.metadata();
        }
        PublishedMetadata metadata = PublishedMetadata.load(c, caller, scope);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(generation, metadata));
        return metadata;
    }

    /**
     * The generation, and (in the same row, for free) where the primary's WAL is now: what a replica must have
     * replayed to have this generation's metadata ({@link PrimaryPosition}, database.ReadRouting).
     */
    private long generation(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT generation, pg_current_wal_lsn() AS lsn FROM archive.metadata_generation")) {
            if (!rs.next()) {
                throw new SQLException("archive.metadata_generation is empty: the migrations did not run completely");
            }
            long generation = rs.getLong("generation");
            position.sample(generation, WalPosition.parse(rs.getString("lsn")));
            return generation;
        }
    }
}
