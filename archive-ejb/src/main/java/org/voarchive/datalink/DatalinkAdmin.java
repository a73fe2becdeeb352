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

/**
 * The admin API's datalink loads: a file applied in one transaction, its faults named for the operator; or
 * first previewed (what it would change per ID) and then applied as previewed.
 */
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
        return withLoader(file, format, (loader, f) -> loader.load(file, f, mode));
    }

    /**
     * What loading the file would change, changing nothing.
     *
     * @throws InvalidField ("file") for a file that is no datalink table or has a bad row
     */
    public LoadDiff preview(Path file, String format, DatalinkLoader.Mode mode) throws IOException, SQLException {
        return withLoader(file, format, (loader, f) -> loader.preview(file, f, mode));
    }

    /**
     * Applies what the preview with this token showed.
     *
     * @throws StalePreview if the stored rows or the file are no longer those of the preview
     * @throws InvalidField ("file") for a file that is no datalink table or has a bad row
     */
    public LoadDiff apply(Path file, String format, DatalinkLoader.Mode mode, String token) throws IOException, SQLException {
        return withLoader(file, format, (loader, f) -> loader.apply(file, f, mode, token));
    }

    private interface Work<T> {
        T run(DatalinkLoader loader, String format) throws IOException, SQLException;
    }

    private <T> T withLoader(Path file, String format, Work<T> work) throws IOException, SQLException {
        // the owner role, as for every load: it may make the temporary table the rows pass through
        try (Connection c = dataSources.owner().getConnection()) {
            return work.run(new DatalinkLoader(c, site.baseUrl()), format != null ? format : UntrustedTable.sniff(file));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("file", e.getMessage());
        }
    }
}
