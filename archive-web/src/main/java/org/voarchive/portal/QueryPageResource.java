package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.uws.UwsSettings;
import org.voarchive.web.CallerName;

/** The ADQL query page ({@code /query}), under its Content-Security-Policy. */
@Path("query")
@RequestScoped
public class QueryPageResource {

    @Inject
    SiteIdentity site;

    @Inject
    UwsSettings uws;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        PagePolicy policy = PagePolicy.fresh(); // the editor's style elements need their nonce
        String root = uri.getBaseUri().getRawPath();
        return PageLayout.response(QueryPage.render(root, site.name(), CallerName.of(security), policy,
            JobControls.html(root, uws.queues())), policy);
    }
}
