package org.voarchive.usertables;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.voarchive.web.CallerAuthentication;

/**
 * Refusals of personal-table requests ({@code /tap/tables/{name}} writes, {@code /tap/load},
 * {@code /tap/permissions}, {@code /tap/async/{id}/keep}) as plain text with their status: VOSI 1.2's working
 * draft declares text/plain for its error responses, youcat answers so and cadc-tap prints the body as it is.
 * A 401 names the Basic realm, as every 401 of the archive does.
 */
@Provider
public class TableRequestErrors implements ExceptionMapper<TableRequestException> {

    @Override
    public Response toResponse(TableRequestException e) {
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
            .entity(e.getMessage() + "\n");
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, CallerAuthentication.CHALLENGE);
        }
        return r.build();
    }
}
