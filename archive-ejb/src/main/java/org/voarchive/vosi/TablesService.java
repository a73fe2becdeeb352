package org.voarchive.vosi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.metadata.TableName;
import org.voarchive.vosi.xml.tables.Table;

/** Reads the published metadata for the VOSI tables endpoint. */
@ApplicationScoped
public class TablesService {

    @EJB
    private DataSources dataSources;

    @Inject
    PublishedMetadataCache cache;

    /**
     * @param caller the authenticated user's name, or null for an anonymous request
     */
    public PublishedMetadata published(String caller) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return cache.get(c, caller == null ? Caller.ANONYMOUS : Caller.of(c, caller));
        }
    }

    /**
     * A table of the caller's own as GET /tap/tables/{name} answers it: what creating or keeping a personal table
     * answers (VOSI 1.2 WD: the new table's description).
     *
     * @param owner the caller, who has just made the table (so sees it)
     */
    public Table ownTable(String owner, TableName name) throws SQLException {
        return published(owner).table(name).map(t -> VosiTables.table(t, true))
            .orElseThrow(() -> new IllegalStateException("the table " + name + " is not in its owner's metadata"));
    }
}
