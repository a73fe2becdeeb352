package org.voarchive.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.voarchive.dali.DaliException;

/** Admin API (role admin): registers the DataCite record of {@code ID} with DataCite, as configured. */
@Path("admin/doi/register")
@RequestScoped
public class AdminDoiResource {

    @Inject
    DataCiteRecords records;

    @Inject
    DataCiteRegistration registration;

    @POST
    public Response register(@QueryParam("ID") String id) throws SQLException, DaliException {
        if (id == null || id.isBlank()) {
            throw new BadRequestException("give the schema, table or object: ?ID=...");
        }
        var record = records.record(id, null).orElseThrow(() -> new NotFoundException(
            "no published DOI for " + id + " (only what anyone may see is registered)"));
        DataCiteRegistration.Outcome outcome = registration.register(record);
        return Response.status(outcome.status() / 100 == 2 ? 200 : 502).type(MediaType.APPLICATION_JSON)
            .entity(Json.createObjectBuilder().add("doi", record.identifier.value).add("dataciteStatus", outcome.status())
                .add("dataciteResponse", outcome.body()).build().toString()).build();
    }
}
