package org.voarchive.office;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.voarchive.security.Roles;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.web.CallerName;

/**
 * The back office's pages: {@code /admin} (schemas and tables: discover, publish), {@code /admin/schemas/NAME}
 * and {@code /admin/tables/SCHEMA.TABLE} (describe, credits, cone search, access), {@code /admin/dois},
 * {@code /admin/datalinks} and {@code /admin/exchange} (export and import) for curators and administrators,
 * {@code /admin/users} for administrators only ({@code /admin/operations} is {@link OperationsResource}'s, whose
 * API is below it, but goes through the same gate, {@link #page}). The container leaves these paths to this
 * class (WEB-INF/web.xml), which lets in a caller in the page's role, sends an anonymous one to the sign-in
 * form (and back here afterwards), and answers anyone else with a page that says why (403). Never stored by a
 * cache: they are the caller's.
 */
@Path("admin")
@RequestScoped
public class BackOfficeResource {

    @Inject
    SiteIdentity site;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    public Response home() {
        return page(false, BackOfficePage::home);
    }

    @GET
    @Path("schemas/{schema}")
    public Response schema(@PathParam("schema") String schema) {
        return page(false, page -> BackOfficePage.schema(page, schema));
    }

    @GET
    @Path("tables/{schema}.{table}")
    public Response table(@PathParam("schema") String schema, @PathParam("table") String table) {
        return page(false, page -> BackOfficePage.table(page, schema, table));
    }

    @GET
    @Path("dois")
    public Response dois() {
        return page(false, BackOfficePage::dois);
    }

    @GET
    @Path("datalinks")
    public Response datalinks() {
        return page(false, BackOfficePage::datalinks);
    }

    @GET
    @Path("exchange")
    public Response exchange() {
        return page(false, BackOfficePage::exchange);
    }

    @GET
    @Path("users")
    public Response users() {
        return page(true, BackOfficePage::users);
    }

    /** Renders one page of the back office for the caller. */
    interface Render {
        String html(BackOfficePage.Frame frame);
    }

    private Response page(boolean adminOnly, Render render) {
        return page(site, uri, request, adminOnly, render);
    }

    /**
     * One page of the back office as its caller may have it (the page, the sign-in form, or the 403 page); also
     * for the pages whose path a resource of their own API holds ({@link OperationsResource}).
     */
    static Response page(SiteIdentity site, UriInfo uri, HttpServletRequest request, boolean adminOnly, Render render) {
        Optional<CallerName.Authenticated> caller = CallerName.authenticated(request);
        String root = uri.getBaseUri().getRawPath();
        if (caller.isEmpty()) {
            return PageLayout.signInRedirect(uri); // /admin/dois?ID=... comes back to the same record
        }
        boolean admin = request.isUserInRole(Roles.ADMIN);
        boolean curator = admin || request.isUserInRole(Roles.CURATOR);
        BackOfficePage.Frame frame = new BackOfficePage.Frame(root, site.name(), caller.get().caller().name(), admin);
        if (adminOnly ? !admin : !curator) {
            return Response.fromResponse(PageLayout.response(BackOfficePage.refused(frame, adminOnly),
                PagePolicy.NO_INLINE, true)).status(Response.Status.FORBIDDEN).build();
        }
        return PageLayout.response(render.html(frame), PagePolicy.NO_INLINE, true);
    }
}
