package org.voarchive.oai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;

/** The OAI-PMH 2.0 endpoint (GET, or POST with a form, section 3.1.1); every answer, errors included, is HTTP 200. */
@Path("oai")
@RequestScoped
public class OaiResource {

    private static final Logger LOG = Logger.getLogger(OaiResource.class.getName());

    @Inject
    OaiService oai;

    @Context
    UriInfo uri;

    @GET
    public Response get() {
        return respond(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        return respond(OaiRequest.arguments(uri.getQueryParameters(), form));
    }

    private Response respond(Map<String, List<String>> parameters) {
        StreamingOutput body = out -> {
            try {
                oai.respond(parameters, out);
            } catch (XMLStreamException | SQLException e) {
                LOG.log(Level.SEVERE, "OAI-PMH response failed", e);
                throw new IOException("the OAI-PMH response failed: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, "text/xml;charset=UTF-8").build();
    }
}
