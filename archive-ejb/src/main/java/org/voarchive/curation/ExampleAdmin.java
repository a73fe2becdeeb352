package org.voarchive.curation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.ExampleCheck;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.metadata.QueryExample;
import org.voarchive.metadata.VersionConflict;

/**
 * The admin API's DALI examples of the TAP service (archive.examples, V23):
 * listed, added or replaced with optimistic locking, and removed. An example
 * is stored only if its query checks against the published metadata
 * anonymous callers see ({@link ExampleCheck}): /tap/examples is public.
 */
@Stateless
public class ExampleAdmin {

    @PersistenceContext(unitName = "archive")
    EntityManager em;

    @Inject
    PublishedMetadataCache metadata;

    public List<ExampleRecord> examples() {
        return em.createNamedQuery(QueryExample.ALL, QueryExample.class).getResultStream().map(ExampleAdmin::record)
            .toList();
    }

    public Optional<ExampleRecord> example(String name) {
        return find(name).map(ExampleAdmin::record);
    }

    /**
     * Adds the example ({@code edit.version()} absent) or replaces it (the version read).
     *
     * @param checkVersion false for imports, which are authoritative
     * @throws InvalidField naming the bad field (an ADQL error with its line and column)
     * @throws VersionConflict if someone else changed it in between
     */
    public ExampleRecord put(String name, ExampleRecord edit, boolean checkVersion) throws SQLException {
        ExampleRecord checked = ExampleCheck.check(name, edit, metadata.get(Caller.ANONYMOUS));
        Optional<QueryExample> current = find(name);
        if (checkVersion) {
            NamedVersions.checkPut("example", name, current.map(QueryExample::version).orElse(null), edit.version());
        }
        QueryExample stored = current.orElseGet(() -> new QueryExample(name));
        stored.set(checked.title(), checked.description(), checked.query(), checked.tables(), checked.upload(),
            checked.position());
        if (current.isEmpty()) {
            em.persist(stored);
        }
        flush("example " + name, stored);
        return record(stored);
    }

    /** @return false if there is no such example */
    public boolean delete(String name, Integer version) {
        Optional<QueryExample> current = version == null ? Optional.empty() : find(name);
        if (!NamedVersions.checkDelete("example", name, current.map(QueryExample::version).orElse(null), version)) {
            return false;
        }
        em.remove(current.get());
        flush("example " + name, current.get());
        return true;
    }

    private Optional<QueryExample> find(String name) {
        return em.createNamedQuery(QueryExample.BY_NAME, QueryExample.class).setParameter("name", name)
            .getResultStream().findFirst();
    }

    /** Another editor's change in between is a conflict. */
    private void flush(String what, QueryExample e) {
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new VersionConflict(what, e.version());
        }
    }

    private static ExampleRecord record(QueryExample e) {
        return new ExampleRecord(e.name(), e.title(), e.description(), e.query(), e.tables(), e.upload(), e.position(),
            e.version());
    }
}
