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
import org.voarchive.web.CallerName;

/** The ADQL query page ({@code /query}), under its Content-Security-Policy. */
@Path("query")
@RequestScoped
public class QueryPageResource {

    @Inject
    SiteIdentity site;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        PagePolicy policy = PagePolicy.fresh(); // the editor's style elements need their nonce
        return PageLayout.response(QueryPage.render(uri.getBaseUri().getRawPath(), site.name(), CallerName.of(security),
            policy), policy);
    }
}
