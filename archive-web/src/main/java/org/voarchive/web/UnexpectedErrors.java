package org.voarchive.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort for failures no protocol mapper claims: the cause goes to
 * the log under the request id, the client gets that id and a 500, never the server's
 * error page with exception messages. JAX-RS's own exceptions keep their
 * responses, and a request body the resource cannot read is a 400.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        if (e instanceof ProcessingException) {
            // on the server, an entity provider failing: a request body that is not what the resource reads
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("the request body could not be read: " + String.valueOf(cause.getMessage()).lines().findFirst()
                    .orElse("") + "\n").build();
        }
        String id = org.voarchive.logging.RequestId.current() != null ? org.voarchive.logging.RequestId.current()
            : UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "unexpected failure " + id, e);
        org.voarchive.dali.DaliService service = org.voarchive.dali.DaliErrors.service(resource);
        if (service != null) { // a DALI client reads a DALI error document, whatever went wrong
            return org.voarchive.dali.DaliErrors.response(500, "the request failed in the service (request " + id
                + "); the service log has the details", service.coneSearch());
        }
        return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
            .entity("the request failed in the service (request " + id + "); the service log has the details\n").build();
    }
}
