package org.voarchive.metadata;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin API's foreign keys of a table: listed, declared or replaced, and
 * removed, versioned with the table (a key change moves its version on, 409
 * for a stale one), each change one transaction. A declared or edited key is
 * curated: discovery no longer replaces it.
 */
@Stateless
public class ForeignKeyAdmin {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    @PersistenceContext(unitName = "archive")
    EntityManager em;

    /** @return empty if there is no such table */
    public Optional<List<ForeignKeyRecord>> keys(String schema, String table) {
        return table(schema, table).map(this::keys);
    }

    private List<ForeignKeyRecord> keys(ArchiveTable table) {
        List<ForeignKeyRecord> keys = new ArrayList<>();
        for (ForeignKey k : em.createNamedQuery(ForeignKey.FROM_TABLE, ForeignKey.class).setParameter("table", table)
                .getResultList()) {
            keys.add(new ForeignKeyRecord(k.keyId(), k.targetTable().qualifiedName(), k.columns().stream()
                .map(c -> new ForeignKeyRecord.ColumnPair(c.fromColumn(), c.targetColumn())).toList(), k.description(),
                k.utype(), k.curated(), table.version()));
        }
        return keys;
    }

    /**
     * Declares the key, or replaces it, if the table is still at {@code edit.version()}.
     *
     * @return the table's keys as stored; empty if there is no such table
     * @throws InvalidField naming the bad field ({@code columns[1].target} ...)
     * @throws VersionConflict if the table changed meanwhile
     */
    public Optional<List<ForeignKeyRecord>> put(String schema, String table, String keyId, ForeignKeyRecord edit) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new InvalidField("keyId", "a key id is 1 to 200 letters, digits and _ . : -");
        }
        if (edit == null) {
            throw new InvalidField("key", "a JSON object with targetTable, columns and the table's version is required");
        }
        if (edit.version() == null) {
            throw new InvalidField("version", "the table's version read is required (optimistic locking)");
        }
        if (edit.targetTable() == null || !edit.targetTable().contains(".")) {
            throw new InvalidField("targetTable", "the target table is required, as schema.table");
        }
        if (edit.columns() == null || edit.columns().isEmpty()) {
            throw new InvalidField("columns", "at least one column pair {from, target} is required");
        }
        Optional<ArchiveTable> found = table(schema, table);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArchiveTable from = found.get();
        String[] targetName = edit.targetTable().split("\\.", 2);
        ArchiveTable target = table(targetName[0], targetName[1]).orElseThrow(() -> new InvalidField("targetTable",
            "no table " + edit.targetTable() + " in the metadata"));
        List<String[]> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < edit.columns().size(); i++) {
            ForeignKeyRecord.ColumnPair p = edit.columns().get(i);
            String at = "columns[" + i + "]";
            Optional<ArchiveColumn> f = p == null || p.from() == null ? Optional.empty() : from.column(p.from());
            if (f.isEmpty()) {
                throw new InvalidField(at + ".from", "no column " + (p == null ? null : p.from()) + " in " + from.qualifiedName());
            }
            Optional<ArchiveColumn> t = p.target() == null ? Optional.empty() : target.column(p.target());
            if (t.isEmpty()) {
                throw new InvalidField(at + ".target", "no column " + p.target() + " in " + target.qualifiedName());
            }
            if (!seen.add(p.from())) {
                throw new InvalidField(at + ".from", p.from() + " is in the key twice");
            }
            if (!f.get().type().equals(t.get().type())) {
                throw new InvalidField(at, p.from() + " (" + f.get().type() + ") cannot refer to " + p.target() + " ("
                    + t.get().type() + "): the datatypes differ");
            }
            pairs.add(new String[] {p.from(), p.target()});
        }
        Optional<ForeignKey> existing = key(keyId);
        if (existing.isPresent() && existing.get().fromTable().id() != from.id()) {
            throw new InvalidField("keyId", "the key id " + keyId + " is taken by another table's key");
        }
        requireVersion(from, edit.version());
        // a replaced key goes first: its column pairs keep their primary keys (key, position)
        existing.ifPresent(k -> {
            em.remove(k);
            em.flush();
        });
        ForeignKey key = new ForeignKey(keyId, from);
        key.set(target, pairs, blankToNull(edit.utype()), blankToNull(edit.description()));
        em.persist(key);
        changed(from);
        return Optional.of(keys(from));
    }

    /**
     * @param version the table's version read
     * @return false if there is no such table or key
     */
    public boolean delete(String schema, String table, String keyId, Integer version) {
        if (version == null) {
            throw new InvalidField("version", "the table's version read is required (?version=)");
        }
        Optional<ArchiveTable> from = table(schema, table);
        Optional<ForeignKey> key = key(keyId).filter(k -> from.isPresent() && k.fromTable().id() == from.get().id());
        if (key.isEmpty()) {
            return false;
        }
        requireVersion(from.get(), version);
        em.remove(key.get());
        changed(from.get());
        return true;
    }

    private Optional<ArchiveTable> table(String schema, String table) {
        return em.createNamedQuery(ArchiveTable.BY_NAME, ArchiveTable.class).setParameter("schema", schema)
            .setParameter("name", table).getResultStream().findFirst();
    }

    private Optional<ForeignKey> key(String keyId) {
        return em.createNamedQuery(ForeignKey.BY_KEY_ID, ForeignKey.class).setParameter("keyId", keyId)
            .getResultStream().findFirst();
    }

    private static void requireVersion(ArchiveTable table, int version) {
        if (table.version() != version) {
            throw new VersionConflict(table.qualifiedName(), table.version());
        }
    }

    /** The table's version moves on with its keys; another editor's change in between is a conflict. */
    private void changed(ArchiveTable table) {
        table.changed();
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new VersionConflict(table.qualifiedName(), table.version());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
