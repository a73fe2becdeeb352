package org.voarchive.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.voarchive.dali.DaliException;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.web.CallerName;

/**
 * Landing pages under stable URLs: {@code /landing/schema}, {@code /landing/schema.table}, {@code /landing/object-id},
 * for what the caller may see (LandingPages), rendered by {@link LandingPageHtml}.
 */
@Path("landing/{id: .+}")
@RequestScoped
public class LandingResource {

    @Inject
    LandingPages pages;

    @Inject
    SiteIdentity site;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public Response get(@PathParam("id") String id) throws SQLException, DaliException {
        String caller = CallerName.of(security);
        LandingPage page = pages.find(id, caller).orElseThrow(() -> new NotFoundException("nothing is published as " + id));
        return PageLayout.response(LandingPageHtml.render(page, uri.getBaseUri().getRawPath(), site.baseUrl(), site.name(),
            caller), PagePolicy.NO_INLINE);
    }
}
