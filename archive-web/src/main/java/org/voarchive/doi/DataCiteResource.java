package org.voarchive.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import org.voarchive.dali.DaliException;
import org.voarchive.web.CallerName;

/**
 * The DataCite record of a schema, table or object with a DOI:
 * {@code /doi/datacite/{id}} as kernel 4.5 XML, {@code ?format=json} as the
 * DataCite REST API's JSON (ready for registration, as a draft).
 */
@Path("doi/datacite/{id: .+}")
@RequestScoped
public class DataCiteResource {

    @Inject
    DataCiteRecords records;

    @Context
    SecurityContext security;

    @GET
    public Response get(@PathParam("id") String id, @QueryParam("format") String format) throws SQLException, DaliException {
        String caller = CallerName.of(security);
        org.voarchive.doi.xml.DataCiteResource record = records.record(id, caller)
            .orElseThrow(() -> new NotFoundException("no DOI is published for " + id));
        if ("json".equals(format)) {
            return Response.ok(DataCiteJson.of(record, DataCiteJson.landingUrl(record), null), "application/vnd.api+json")
                .build();
        }
        if (format != null && !format.equals("xml")) {
            throw new jakarta.ws.rs.BadRequestException("format must be xml (the default) or json");
        }
        return Response.ok(record.toXml(false), "application/xml;charset=UTF-8").build();
    }
}
