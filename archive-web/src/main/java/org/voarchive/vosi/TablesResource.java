package org.voarchive.vosi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.web.CallerName;

/**
 * VOSI tables of the TAP service (VOSI 1.1 section 5.3): the whole tableset,
 * with {@code detail=min} (no columns) or {@code detail=max}, and single tables
 * by their qualified name.
 */
@Path("tap/tables")
@RequestScoped
public class TablesResource {

    private static final String XML = "text/xml;charset=UTF-8";

    @Inject
    TablesService tables;

    @Context
    SecurityContext security;

    /** What the caller may see: tables of INTERNAL and PRIVATE access appear for authenticated callers. */
    private PublishedMetadata published() throws SQLException {
        return tables.published(CallerName.of(security));
    }

    @GET
    @Produces({XML, MediaType.TEXT_PLAIN})
    public Response tableSet(@QueryParam("detail") String detail) throws SQLException {
        if (detail != null && !detail.equals("min") && !detail.equals("max")) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("detail must be min or max, not '" + detail + "'\n").build();
        }
        PublishedMetadata metadata = published();
        boolean withColumns = detail != null ? detail.equals("max")
            : VosiTables.columnCount(metadata) <= VosiTables.MAX_DETAIL_COLUMNS;
        return Response.ok(VosiTables.tableSet(metadata, withColumns), XML).build();
    }

    @GET
    @Path("{name}")
    @Produces({XML, MediaType.TEXT_PLAIN})
    public Response table(@PathParam("name") String name) throws SQLException {
        return published().table(name)
            .map(t -> Response.ok(VosiTables.table(t, true), XML).build())
            .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("no table '" + name + "' in this service\n").build());
    }
}
