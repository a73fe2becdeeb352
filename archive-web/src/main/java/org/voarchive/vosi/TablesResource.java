package org.voarchive.vosi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.TableName;
import org.voarchive.site.SiteIdentity;
import org.voarchive.table.RowSource;
import org.voarchive.usertables.PersonalNames;
import org.voarchive.usertables.PersonalTables;
import org.voarchive.usertables.TableCallers;
import org.voarchive.usertables.TableDocuments;
import org.voarchive.usertables.TableLoads;
import org.voarchive.usertables.TableSpec;
import org.voarchive.web.CallerName;

/**
 * VOSI tables of the TAP service (VOSI 1.1 section 5.3): the whole tableset,
 * with {@code detail=min} (no columns) or {@code detail=max}, and single tables
 * by their qualified name. Signed-in users create (PUT), describe (POST) and
 * drop (DELETE) their personal tables here, as VOSI 1.2's working draft
 * ("User-managed Tables") and CADC's youcat have it, which pyvo speaks; an
 * unqualified name is a table in the caller's own schema. Refusals of these
 * are text/plain ({@code usertables.TableRequestErrors}).
 */
@Path("tap/tables")
@RequestScoped
public class TablesResource {

    private static final String XML = "text/xml;charset=UTF-8";

    @Inject
    TablesService tables;

    @Inject
    PersonalTables personal;

    @Inject
    SiteIdentity site;

    @Inject
    TableLoads loads;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

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
        String caller = CallerName.of(security);
        // a bare name is a table of the caller's own schema, as in the writes below (what pyvo's users type)
        String qualified = caller != null && name.indexOf('.') < 0 ? PersonalNames.parse(name, caller).toString() : name;
        return published().table(qualified)
            .map(t -> Response.ok(VosiTables.table(t, true), XML).build())
            .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("no table '" + name + "' in this service\n").build());
    }

    /**
     * Creates a personal table as a VOSI table ({@code text/xml}) or a VOTable (its FIELDs; its rows are loaded in
     * the same transaction) describes it: 201, Location, and the table as GET answers it.
     */
    @PUT
    @Path("{name}")
    @Produces({XML, MediaType.TEXT_PLAIN})
    public Response create(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) throws SQLException, IOException {
        Caller caller = TableCallers.signedIn(request);
        TableName table = PersonalNames.parse(name, caller.name());
        withBody(type, body, (spec, rows) -> personal.create(caller, table, spec, rows));
        return created(site, tables, caller, table);
    }

    /** 201 for a personal table just made (created here, or an async result kept): its URL and VOSI table. */
    public static Response created(SiteIdentity site, TablesService tables, Caller caller, TableName table)
            throws SQLException {
        return Response.created(URI.create(site.baseUrl() + "/tap/tables/" + table))
            .entity(tables.ownTable(caller.name(), table)).type(XML).build();
    }

    /**
     * Updates the descriptions, units, UCDs and utypes of a personal table and of the columns the document names;
     * a VOTable's rows are appended. 204.
     */
    @POST
    @Path("{name}")
    public Response update(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) throws SQLException, IOException {
        Caller caller = TableCallers.signedIn(request);
        TableName table = PersonalNames.parse(name, caller.name());
        withBody(type, body, (spec, rows) -> personal.describe(caller, table, spec, rows));
        return Response.noContent().build();
    }

    /** Drops a personal table of the caller's: 204. */
    @DELETE
    @Path("{name}")
    public Response drop(@PathParam("name") String name) throws SQLException {
        Caller caller = TableCallers.signedIn(request);
        personal.drop(caller, PersonalNames.parse(name, caller.name()));
        return Response.noContent().build();
    }

    /** What a PUT or POST does with its body's table description and rows (null for none). */
    private interface BodyUse {
        void accept(TableSpec spec, RowSource rows) throws SQLException, IOException;
    }

    /** Reads the body (VOSI table or VOTable) and hands it on; the spooled file goes afterwards. */
    private void withBody(String type, InputStream body, BodyUse use) throws SQLException, IOException {
        try (TableDocuments.Body document = TableDocuments.read(type, body, loads.maxBytes());
             RowSource rows = document.rows()) {
            use.accept(document.spec(), rows);
        }
    }
}
