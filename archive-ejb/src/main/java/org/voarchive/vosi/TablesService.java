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
}
