package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.usertables.TableLoads;
import org.voarchive.web.CallerName;

/**
 * The "My tables" page ({@code /tables/mine}): a signed-in caller's personal tables, under the pages'
 * Content-Security-Policy without exceptions. Personal tables are nobody's without an account, so an anonymous
 * caller is sent to sign in, and comes back here afterwards.
 */
@Path(PageLayout.MY_TABLES_PAGE)
@RequestScoped
public class MyTablesPageResource {

    @Inject
    SiteIdentity site;

    /** The loads' limits: the page sends larger files than one request takes as load jobs. */
    @Inject
    TableLoads loads;

    @Context
    HttpServletRequest request;

    @GET
    public Response get(@Context UriInfo uri) {
        String root = uri.getBaseUri().getRawPath();
        Optional<CallerName.Authenticated> caller = CallerName.authenticated(request);
        if (caller.isEmpty()) {
            return PageLayout.signInRedirect(uri); // back to the same table (?table=NAME)
        }
        String html = MyTablesPage.render(root, site.baseUrl() + SiteIdentity.TAP, site.name(),
            caller.get().caller().name(), loads.maxBytes());
        return PageLayout.response(html, PagePolicy.NO_INLINE);
    }
}
