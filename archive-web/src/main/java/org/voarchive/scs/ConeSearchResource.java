package org.voarchive.scs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliService;
import org.voarchive.dali.DaliParameters;
import org.voarchive.tap.QueryService;
import org.voarchive.tap.RunningQuery;
import org.voarchive.vosi.AvailabilityService;
import org.voarchive.vosi.xml.Availability;
import org.voarchive.usage.UsageKind;
import org.voarchive.usage.UsageStatistics;
import org.voarchive.web.CallerName;
import org.voarchive.web.ClientAddresses;

/**
 * A table's Simple Cone Search (SCS 1.03, with DALI's POST, MAXREC and
 * RESPONSEFORMAT) and its VOSI capabilities and availability. Errors are
 * VOTables that both SCS 1.03 clients ({@code INFO name="Error"}) and DALI
 * clients ({@code QUERY_STATUS}) read, with DALI's HTTP status.
 *
 * <p>One instance serves every request, the request's parts given to each method: creating and injecting a
 * request-scoped resource for every cone was a tenth of a cone's server time (JFR).
 */
@Path("scs/{schema}/{table}")
@ApplicationScoped
@DaliService(coneSearch = true)
public class ConeSearchResource {


    @Inject
    ConeSearchService service;

    @Inject
    ConeSearchCapabilities capabilities;

    @Inject
    QueryService queries;

    @Inject
    AvailabilityService availability;

    @Inject
    ClientAddresses clients;

    @Inject
    UsageStatistics usage;

    @GET
    public Response get(@PathParam("schema") String schema, @PathParam("table") String table, @Context UriInfo uri,
                        @Context SecurityContext security, @Context HttpServletRequest http) throws DaliException {
        return search(schema, table, DaliParameters.of(uri.getQueryParameters()), security, http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("schema") String schema, @PathParam("table") String table, @Context UriInfo uri,
                         @Context SecurityContext security, @Context HttpServletRequest http,
                         MultivaluedMap<String, String> form) throws DaliException {
        return search(schema, table, DaliParameters.of(uri.getQueryParameters(), form), security, http);
    }

    @GET
    @Path("capabilities")
    public Response capabilities(@PathParam("schema") String schema, @PathParam("table") String table,
                                 @Context SecurityContext security) throws DaliException {
        return Response.ok(capabilities.document(service.find(schema, table, queries.caller(CallerName.of(security)))),
            "text/xml;charset=UTF-8").build();
    }

    /** The archive's availability: a cone search depends on nothing but the database. */
    @GET
    @Path("availability")
    @Produces("text/xml;charset=UTF-8")
    public Availability availability() {
        return availability.check();
    }

    /** Refusals and failures go to the mappers, which answer in SCS's error form (@DaliService). */
    private Response search(String schema, String table, DaliParameters given, SecurityContext security,
                            HttpServletRequest http) throws DaliException {
        RunningQuery query = service.search(schema, table, ConeRequest.parse(given), given, CallerName.of(security));
        usage.count(UsageKind.CONE_SEARCH, query.sourceTables(), clients.of(http));
        StreamingOutput body = query::writeTo;
        return Response.ok(body, query.contentType()).build();
    }
}
