package org.voarchive.usertables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.web.CallerName;

/**
 * youcat's synchronous load ({@code POST {tap}/load/{schema}.{table}}, design §1.4; pyvo's {@code load_table},
 * cadc-tap's {@code load}): CSV, TSV, FITS or VOTable appended in one transaction, answered as youcat does with
 * {@code Inserted N rows to table X}. The body's size is capped by {@code web.BodyLimits}.
 */
@Path("tap/load")
@RequestScoped
public class LoadResource {

    private static final String PLAIN = "text/plain;charset=UTF-8";

    @Inject
    TableLoads loads;

    @Context
    HttpServletRequest request;

    @POST
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(PLAIN)
    public Response load(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                         InputStream body) throws SQLException, IOException {
        Caller caller = TableCallers.signedIn(request);
        TableName table = PersonalNames.parse(name, caller.name());
        long rows = loads.append(caller, table, type, body, n -> { }, null);
        return Response.ok(TableLoads.inserted(rows, table) + "\n", PLAIN).build();
    }
}
