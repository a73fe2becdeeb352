package org.voarchive.datalink;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.voarchive.table.UntrustedTable;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.InvalidField;
import org.voarchive.site.SiteIdentity;

/** The admin API's datalink loads: a file applied in one transaction, its faults named for the operator. */
@ApplicationScoped
public class DatalinkAdmin {

    @EJB
    DataSources dataSources;

    @Inject
    SiteIdentity site;

    /**
     * @param format votable or csv, or null to tell from the file's first bytes
     * @throws InvalidField ("file") for a file that is no datalink table or has a bad row; nothing is changed
     */
    public DatalinkLoader.Report load(Path file, String format, DatalinkLoader.Mode mode) throws IOException, SQLException {
        // the owner role, as for every load: it may make the temporary table the rows pass through
        try (Connection c = dataSources.owner().getConnection()) {
            return new DatalinkLoader(c, site.baseUrl()).load(file, format != null ? format : UntrustedTable.sniff(file), mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("file", e.getMessage());
        }
    }
}
