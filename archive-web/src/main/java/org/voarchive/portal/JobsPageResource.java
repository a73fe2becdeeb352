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

/**
 * The Jobs page ({@code /jobs}): the caller's async TAP jobs, under the pages' Content-Security-Policy with the one
 * exception this page needs: a connection to a SAMP hub on the reader's machine, for "Open in TOPCAT".
 */
@Path(PageLayout.JOBS_PAGE)
@RequestScoped
public class JobsPageResource {

    @Inject
    SiteIdentity site;

    @Inject
    UwsSettings uws;

    /** The page for the caller: a signed-in caller's list comes from UWS, an anonymous one's from the browser. */
    @GET
    public Response get(@Context UriInfo uri, @Context SecurityContext security) {
        String html = JobsPage.render(uri.getBaseUri().getRawPath(), site.name(), CallerName.of(security),
            uws.maxListed(), uws.anonymousJobs() == UwsSettings.AnonymousJobs.REFUSED);
        return PageLayout.response(html, PagePolicy.NO_INLINE_SAMP);
    }
}
