package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.voarchive.site.SiteIdentity;

/** The ADQL query page ({@code /query}), under its Content-Security-Policy. */
@Path("query")
@RequestScoped
public class QueryPageResource {

    @Inject
    SiteIdentity site;

    @Context
    UriInfo uri;

    @GET
    public Response get() {
        PagePolicy policy = PagePolicy.fresh();
        return Response.ok(QueryPage.render(uri.getBaseUri().getRawPath(), site.name(), policy), "text/html;charset=UTF-8")
            .header("Content-Security-Policy", policy.header())
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store") // the nonce is fresh for every response
            .build();
    }
}
