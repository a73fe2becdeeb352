package org.voarchive.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.web.CallerName;

/**
 * The HTML root page, with the collections and tables the caller may see: a signed-in user's also list the
 * INTERNAL ones and the PRIVATE ones of their groups. It still renders when the database is down, saying so.
 */
@Path("/")
@RequestScoped
public class HomeResource {

    private static final Logger LOG = Logger.getLogger(HomeResource.class.getName());

    @Inject
    SiteIdentity site;

    @Inject
    PublishedMetadataCache metadata;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        String caller = CallerName.of(security);
        List<PublishedMetadata.Schema> schemas;
        try {
            // the caller's own snapshot, as TAP and VOSI give it them (a page per caller: PageLayout keeps it private);
            // the archive's published data only: users' personal tables have their own page
            schemas = metadata.get(metadata.caller(caller)).withoutPersonal().schemas();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot list published tables: " + e.getMessage());
            schemas = null;
        }
        return PageLayout.response(HomePage.render(site, uri.getBaseUri().getRawPath(), caller, schemas),
            PagePolicy.NO_INLINE);
    }
}
