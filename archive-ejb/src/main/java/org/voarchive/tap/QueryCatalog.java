package org.voarchive.tap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.metadata.PublishedMetadata;

/**
 * What a caller's ADQL is checked against: the published tables whose data they may read and, for a signed-in
 * caller, the results of their async jobs kept as tables ({@link KeptResults}), which are theirs alone (no
 * published metadata, never in its cache, which callers of the same groups share), each with the published
 * tables it was read from. A query on a kept result thus names, as its source tables, the data it came from:
 * what its user must cite, with landing pages to link.
 *
 * @param kept a kept result by its table's qualified name
 */
record QueryCatalog(Catalog catalog, Map<String, KeptResult> kept) {

    QueryCatalog {
        kept = Map.copyOf(kept);
    }

    /** The published tables alone: protocols with no kept results (cone search) and anonymous callers. */
    static QueryCatalog published(PublishedMetadata metadata) {
        return new QueryCatalog(metadata.catalog(), Map.of());
    }

    static QueryCatalog of(PublishedMetadata metadata, List<KeptResult> own) {
        if (own.isEmpty()) {
            return published(metadata);
        }
        List<TableInfo> tables = new ArrayList<>(metadata.catalog().tables());
        Map<String, KeptResult> kept = new LinkedHashMap<>();
        for (KeptResult k : own) {
            TableInfo table = k.adql();
            tables.add(table);
            kept.put(table.qualifiedName(), k);
        }
        List<TableInfo> all = List.copyOf(tables);
        return new QueryCatalog(() -> all, kept);
    }

    /** The kept results among the tables a query read. */
    List<KeptResult> keptRead(List<TableInfo> read) {
        List<KeptResult> found = new ArrayList<>();
        for (TableInfo t : read) {
            KeptResult k = kept.get(t.qualifiedName());
            if (k != null) {
                found.add(k);
            }
        }
        return found;
    }

    /**
     * Whether a query reads users' data: a kept result or a personal table, whose rows their users write and read
     * back at once without moving the metadata generation, so only the primary is sure to have them
     * (database.ReadRouting).
     */
    boolean userData(List<TableInfo> read, PublishedMetadata metadata) {
        return !keptRead(read).isEmpty() || read.stream()
            .anyMatch(t -> metadata.table(t.qualifiedName()).map(p -> p.personal() != null).orElse(false));
    }

    /**
     * The published tables behind the tables a query read: a published table itself, a kept result (or a personal
     * table kept from one) the tables its own query read; an upload or another personal table none (it is a
     * user's, and nobody's data to cite).
     */
    List<String> sources(List<TableInfo> read, PublishedMetadata metadata) {
        Set<String> sources = new LinkedHashSet<>();
        for (TableInfo t : read) {
            String name = t.qualifiedName();
            Optional<PublishedMetadata.Table> table = metadata.table(name);
            if (table.isPresent()) {
                PublishedMetadata.Personal personal = table.get().personal();
                if (personal == null) {
                    sources.add(name);
                } else {
                    sources.addAll(personal.sourceTables());
                }
            } else {
                KeptResult k = kept.get(name);
                if (k != null) {
                    sources.addAll(k.sourceTables());
                }
            }
        }
        return List.copyOf(sources);
    }
}
