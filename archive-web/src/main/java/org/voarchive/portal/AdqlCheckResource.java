package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.voarchive.adql.AdqlException;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.tap.QueryService;
import org.voarchive.tap.TapLimits;
import org.voarchive.tap.TapMultipart;
import org.voarchive.tap.TapRequest;
import org.voarchive.tap.Upload;
import org.voarchive.tap.UploadSource;
import org.voarchive.web.CallerName;

/**
 * Whether an ADQL query would be accepted, without running it: {@code POST /portal/adql/check} with the form
 * parameter QUERY, checked by the TAP query path itself ({@link QueryService#check}: the same parser, the
 * published metadata the caller may see, the translator). The query page's editor asks while its user types.
 * A query reading uploaded tables is sent as TAP sends it: multipart, with {@code UPLOAD=name,param:part} and
 * the tables' parts, which are read by TAP's own upload reader within TAP's upload limits and stored nowhere.
 * <ul>
 * <li>200 {@code {"ok":true}}: the query would run.</li>
 * <li>200 {@code {"ok":false,"message":...,"line":L,"column":C}}: the query is not acceptable; the check
 * itself succeeded, so this is no HTTP error. Line and column are 1-based, the column counted in Unicode
 * code points, as in TAP's error messages.</li>
 * <li>400 {@code {"ok":false,"message":...}}: no QUERY, or one longer than TAP accepts; an UPLOAD that is
 * malformed, names no part of the request, or is not a readable table within TAP's limits (the message says
 * which and why, as TAP would).</li>
 * <li>5xx {@code {"ok":false,"message":...}}: the metadata could not be read.</li>
 * </ul>
 * A read-only POST (the query may be long): the cross-site request filter lets the archive's own pages
 * through and refuses other sites.
 */
@Path(AdqlCheckResource.PATH)
@RequestScoped
public class AdqlCheckResource {

    static final String PATH = "portal/adql/check";

    @Inject
    QueryService queries;

    @Inject
    TapLimits limits;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(MultivaluedMap<String, String> form) {
        return check(DaliParameters.of(form), UploadSource.NONE);
    }

    /** With uploads, as TAP sync takes them. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkMultipart(List<EntityPart> parts) {
        TapMultipart request;
        try {
            request = TapMultipart.of(uri.getQueryParameters(), parts);
        } catch (DaliException e) {
            return refusal(e);
        }
        return check(request.parameters(), request.uploads());
    }

    private Response check(DaliParameters p, UploadSource uploads) {
        try {
            String query = p.single("QUERY").filter(q -> !q.isBlank())
                .orElseThrow(() -> DaliException.badRequest("QUERY is missing: give the ADQL query to check"));
            TapRequest.checkQueryLength(query, limits.queryMaxLength());
            queries.check(query, CallerName.of(security), Upload.parse(p.all("UPLOAD")), uploads);
            return answer(200, Json.createObjectBuilder().add("ok", true).build());
        } catch (DaliException e) {
            return refusal(e);
        }
    }

    /** The verdict on a query that is not acceptable (200: the check worked), or why there is none. */
    private static Response refusal(DaliException e) {
        JsonObjectBuilder refusal = Json.createObjectBuilder().add("ok", false);
        if (e.getCause() instanceof AdqlException adql) {
            // the verdict on the query, not a failed request
            return answer(200, refusal.add("message", adql.getMessage()).add("line", adql.line())
                .add("column", adql.column()).build());
        }
        return answer(e.status(), refusal.add("message", e.getMessage()).build());
    }

    private static Response answer(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body)
            .header("Cache-Control", "no-store").build();
    }
}
