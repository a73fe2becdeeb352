package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The back office's datalink loads (roles curator and admin, as the rest of {@code /admin/metadata}): POST
 * {@code preview} with the file (part {@code file}, optional {@code MODE} and {@code FORMAT} as for
 * {@link AdminDatalinkResource}) answers what loading it would change per ID and a {@code token}; POST
 * {@code apply} with the same file, mode and that token applies exactly that in one transaction, or answers
 * 409 if the stored rows changed since (nothing is then changed). A bad file is a 400 naming the row.
 */
@Path("admin/metadata/datalinks")
@RequestScoped
public class DatalinkPreviewResource {

    @Inject
    DatalinkAdmin admin;

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public String preview(List<EntityPart> parts) throws IOException, SQLException {
        DatalinkLoader.Mode mode = AdminDatalinkResource.mode(parts);
        return AdminDatalinkResource.spooled(parts, (file, format) -> json(admin.preview(file, format, mode), false));
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public String apply(List<EntityPart> parts) throws IOException, SQLException {
        DatalinkLoader.Mode mode = AdminDatalinkResource.mode(parts);
        String token = AdminDatalinkResource.text(parts, "token").filter(t -> !t.isEmpty()).orElseThrow(() ->
            new BadRequestException("the preview's token is missing: preview the file first, then apply it with"
                + " the token the preview gave"));
        return AdminDatalinkResource.spooled(parts, (file, format) -> json(admin.apply(file, format, mode, token), true));
    }

    private static String json(LoadDiff diff, boolean applied) {
        JsonArrayBuilder changes = Json.createArrayBuilder();
        for (LoadDiff.Change c : diff.changes()) {
            changes.add(Json.createObjectBuilder().add("id", c.id()).add("change", c.kind().name().toLowerCase(Locale.ROOT))
                .add("rows", c.rows()).add("storedRows", c.storedRows()).add("fields", Json.createArrayBuilder(c.fields())));
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("applied", applied)
            .add("mode", diff.mode().name().toLowerCase(Locale.ROOT)).add("rows", diff.rows())
            .add("added", diff.added()).add("replaced", diff.replaced()).add("removed", diff.removed())
            .add("unchanged", diff.unchanged()).add("changes", changes).add("complete", diff.complete())
            .add("token", diff.token());
        return o.build().toString();
    }

    /** A stale preview: 409, in the admin API's JSON. */
    @Provider
    public static class StalePreviewMapper implements ExceptionMapper<StalePreview> {
        @Override
        public Response toResponse(StalePreview e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("message", e.getMessage()).build().toString()).build();
        }
    }
}
