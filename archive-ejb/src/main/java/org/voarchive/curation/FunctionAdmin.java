package org.voarchive.curation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.metadata.AdqlFunction;
import org.voarchive.metadata.FunctionCheck;
import org.voarchive.metadata.FunctionRecord;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * The admin API's ADQL user-defined functions (archive.functions, V18):
 * listed, declared or replaced with optimistic locking, and removed. A
 * function is checked before it is stored: its form parses, its name is
 * free (not ADQL's, not a standard UDF's), its types are ADQL's, its
 * template is one SQL expression ({@link FunctionCheck}), and PostgreSQL plans a call of it (its
 * template, or the database function of its name) on the read-only query
 * role, so a published function never fails a query for being wrong.
 */
@Stateless
public class FunctionAdmin {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    @PersistenceContext(unitName = "archive")
    EntityManager em;

    @jakarta.ejb.EJB
    FunctionPlanner planner;

    public List<FunctionRecord> functions() {
        return em.createNamedQuery(AdqlFunction.ALL, AdqlFunction.class).getResultStream().map(FunctionAdmin::record)
            .toList();
    }

    public Optional<FunctionRecord> function(String name) {
        return find(name).map(FunctionAdmin::record);
    }

    /**
     * Declares the function ({@code edit.version()} absent) or replaces it (the version read).
     *
     * @param checkVersion false for imports, which are authoritative
     * @throws InvalidField naming the bad field
     * @throws VersionConflict if someone else changed it in between
     */
    public FunctionRecord put(String name, FunctionRecord edit, boolean checkVersion) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidField("name", "a function name is a lower-case letter, then letters, digits and _");
        }
        if (edit == null) {
            throw new InvalidField("function", "a JSON object with form, description and (to replace) version is required");
        }
        UserDefinedFunction f = FunctionCheck.parse(name, edit);
        Optional<AdqlFunction> current = find(name);
        if (checkVersion) {
            NamedVersions.checkPut("function", name, current.map(AdqlFunction::version).orElse(null), edit.version());
        }
        planner.plan(f);
        AdqlFunction stored = current.orElseGet(() -> new AdqlFunction(name));
        stored.set(f.form(), f.sqlTemplate().orElse(null), f.description(), edit.published() == null || edit.published());
        if (current.isEmpty()) {
            em.persist(stored);
        }
        flush("function " + name, stored);
        return record(stored);
    }

    /** @return false if there is no such function */
    public boolean delete(String name, Integer version) {
        Optional<AdqlFunction> current = version == null ? Optional.empty() : find(name);
        if (!NamedVersions.checkDelete("function", name, current.map(AdqlFunction::version).orElse(null), version)) {
            return false;
        }
        em.remove(current.get());
        flush("function " + name, current.get());
        return true;
    }

    private Optional<AdqlFunction> find(String name) {
        return em.createNamedQuery(AdqlFunction.BY_NAME, AdqlFunction.class).setParameter("name", name)
            .getResultStream().findFirst();
    }

    /** Another editor's change in between is a conflict. */
    private void flush(String what, AdqlFunction f) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new VersionConflict(what, f.version());
        }
    }

    private static FunctionRecord record(AdqlFunction f) {
        return new FunctionRecord(f.name(), f.form(), f.sqlTemplate(), f.description(), f.published(), f.version());
    }
}
