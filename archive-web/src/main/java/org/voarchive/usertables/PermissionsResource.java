package org.voarchive.usertables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.site.SiteIdentity;

/**
 * Who may read a personal table, in youcat's permissions text (opencadc/tap GetPermissionsAction,
 * PostPermissionsAction; cadc-tap's {@code permission} command): {@code owner=}, {@code public=true|false},
 * {@code r-group=} group URIs ({@code {authority}/gms?{group}}), {@code rw-group=} (always empty: only owners
 * write). A POST names only the keys it changes and answers the permissions as they are then.
 */
@Path("tap/permissions/{name}")
@RequestScoped
public class PermissionsResource {

    private static final String TEXT = "text/plain;charset=UTF-8";

    @Inject
    PersonalTables personal;

    @Inject
    SiteIdentity site;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(TEXT)
    public Response permissions(@PathParam("name") String name) throws SQLException {
        Caller caller = TableCallers.of(request);
        TableName table = PersonalNames.parse(name, caller.name());
        return Response.ok(personal.permissions(caller, table, site.authority()), TEXT).build();
    }

    /** cadc-tap sends text/plain; a body of another type is read as the same lines. */
    @POST
    @Consumes({"text/plain", "*/*"})
    @Produces(TEXT)
    public Response share(@PathParam("name") String name, String text) throws SQLException {
        Caller caller = TableCallers.signedIn(request);
        TableName table = PersonalNames.parse(name, caller.name());
        personal.share(caller, table, text == null ? "" : text, site.authority());
        return Response.ok(personal.permissions(caller, table, site.authority()), TEXT).build();
    }
}
