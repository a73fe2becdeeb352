package org.voarchive.obscore;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;
import org.voarchive.database.Transactions;
import org.voarchive.site.SiteIdentity;

/**
 * The admin API's ObsCore mappings: listed, added or replaced with optimistic locking, and removed; each
 * change and the view it rebuilds in one transaction on the owner role (the view is DDL), as discovery does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ObsCoreAdmin {

    @EJB
    DataSources dataSources;

    @Inject
    SiteIdentity site;

    public List<ObsCoreMapping> mappings() throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return store(c).mappings();
        }
    }

    public Optional<ObsCoreMapping> mapping(String schema, String table) throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return store(c).mapping(schema, table);
        }
    }

    /** @see ObsCoreStore#put */
    public ObsCoreMapping put(String schema, String table, ObsCoreMapping edit) throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return Transactions.inTransaction(c, () -> store(c).put(schema, table, edit, true));
        }
    }

    /** @see ObsCoreStore#delete */
    public boolean delete(String schema, String table, Integer version) throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return Transactions.inTransaction(c, () -> store(c).delete(schema, table, version, true));
        }
    }

    /**
     * Applies the mappings of a metadata export (after its tables, which must be published by then), all in one
     * transaction; existing mappings of other tables stay.
     *
     * @throws org.voarchive.metadata.InvalidField naming the entry ({@code obscore[i].field})
     */
    public int importMappings(List<ObsCoreMapping> mappings) throws SQLException {
        if (mappings == null || mappings.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSources.owner().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                ObsCoreStore store = store(c);
                for (int i = 0; i < mappings.size(); i++) {
                    ObsCoreMapping m = mappings.get(i);
                    if (m == null || m.schema() == null || m.table() == null) {
                        throw new org.voarchive.metadata.InvalidField("obscore[" + i + "]", "each entry needs schema and table");
                    }
                    try {
                        store.put(m.schema(), m.table(), m, false);
                    } catch (org.voarchive.metadata.InvalidField e) {
                        throw new org.voarchive.metadata.InvalidField("obscore[" + i + "]." + e.field(), e.getMessage());
                    }
                }
                return mappings.size();
            });
        }
    }

    /** Recreates the view, e.g. after the archive's base URL or authority changed: both are written into it. */
    public List<String> rebuild() throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return Transactions.inTransaction(c, () -> store(c).rebuild());
        }
    }

    private ObsCoreStore store(Connection c) {
        return new ObsCoreStore(c, new ObsCoreView.Site(site.baseUrl(), site.authority()));
    }
}
