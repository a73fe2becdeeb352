package org.voarchive.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.dali.DaliException;
import org.voarchive.web.CallerName;

/**
 * The back office's DOIs (roles curator and admin, as the rest of {@code /admin/metadata}): GET lists what has
 * a DOI; GET {@code record?ID=} gives the DataCite record as registration would send it (XML), its problems
 * against the DataCite kernel 4.5 schema (none: valid), and where it stands at DataCite; POST {@code validate}
 * checks a DataCite XML document given in the body. Registration itself stays {@code /admin/doi/register}
 * (administrators).
 */
@Path("admin/metadata/dois")
@RequestScoped
public class AdminDoisResource {

    @Inject
    DoiOverview overview;

    @Inject
    DataCiteRegistration registration;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() throws SQLException, DaliException {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (DoiOverview.Entry e : overview.list(CallerName.of(security))) {
            entries.add(entry(e));
        }
        return Json.createObjectBuilder().add("dois", entries).add("registration", registration.configured()
            ? registration.event() : "not-configured").build().toString();
    }

    @GET
    @Path("record")
    @Produces(MediaType.APPLICATION_JSON)
    public String record(@QueryParam("ID") String id) throws SQLException, DaliException {
        if (id == null || id.isBlank()) {
            throw new BadRequestException("give the schema, table or object: ?ID=...");
        }
        DoiOverview.View view = overview.view(id, CallerName.of(security)).orElseThrow(() -> new NotFoundException(
            "no published DOI for " + id + " (a schema or table has its record once it is published with a DOI)"));
        JsonObjectBuilder registered = Json.createObjectBuilder().add("state", view.registration().state());
        if (view.registration().reason() != null) {
            registered.add("reason", view.registration().reason());
        }
        return validity(view.problems()).add("id", id).add("doi", view.entry().doi())
            .add("xml", new String(view.xml(), StandardCharsets.UTF_8)).add("registration", registered).build().toString();
    }

    @POST
    @Path("validate")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public String validate(byte[] document) {
        if (document == null || document.length == 0) {
            throw new BadRequestException("send the DataCite XML document as the request's body");
        }
        return validity(DataCiteValidation.problems(document)).build().toString();
    }

    private static JsonObjectBuilder validity(List<String> problems) {
        return Json.createObjectBuilder().add("valid", problems.isEmpty()).add("problems", Json.createArrayBuilder(problems));
    }

    private static JsonObjectBuilder entry(DoiOverview.Entry e) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", e.id()).add("kind", e.kind()).add("doi", e.doi());
        if (e.title() != null) {
            o.add("title", e.title());
        }
        return o;
    }
}
