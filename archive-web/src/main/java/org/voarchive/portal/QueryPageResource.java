package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.DaliException;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.scs.ConeSearchService;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.tap.QueryService;
import org.voarchive.tap.TapLimits;
import org.voarchive.uws.UwsSettings;
import org.voarchive.web.CallerName;

/** The ADQL query page ({@code /query}), under its Content-Security-Policy. */
@Path("query")
@RequestScoped
public class QueryPageResource {

    private static final Logger LOG = Logger.getLogger(QueryPageResource.class.getName());

    @Inject
    SiteIdentity site;

    @Inject
    UwsSettings uws;

    @Inject
    TapLimits limits;

    @Inject
    QueryService queries;

    @Inject
    ConeSearchService coneSearches;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        PagePolicy policy = PagePolicy.fresh(); // the editor's style elements need their nonce
        String root = uri.getBaseUri().getRawPath();
        String caller = CallerName.of(security);
        QueryPage.Parts parts = new QueryPage.Parts(JobControls.html(root, uws.queues()),
            ConeSearchForm.html(root, cones(caller)), limits.uploadMaxBytes());
        return PageLayout.response(QueryPage.render(root, site.name(), caller, policy, parts), policy);
    }

    /** The cone searches the caller may use; none while the metadata cannot be read (the page still works). */
    private List<PublishedMetadata.Table> cones(String caller) {
        try {
            return coneSearches.list(queries.caller(caller));
        } catch (DaliException e) {
            LOG.log(Level.WARNING, "the query page offers no cone search: " + e.getMessage());
            return List.of();
        }
    }
}
