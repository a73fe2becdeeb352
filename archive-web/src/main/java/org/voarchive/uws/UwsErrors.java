package org.voarchive.uws;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * UWS refusals as plain text with their status (UWS 1.1 prescribes the
 * status, not a document); 401 names the Basic realm so clients can log in.
 */
@Provider
public class UwsErrors implements ExceptionMapper<UwsException> {

    @Override
    public Response toResponse(UwsException e) {
        return plainText(e.status(), e.getMessage());
    }

    /** A refusal as text, the 401 with the challenge: also the personal tables' ({@code usertables.TableRequestErrors}). */
    public static Response plainText(int status, String message) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
            .entity(message + "\n");
        if (status == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, org.voarchive.web.CallerAuthentication.CHALLENGE);
        }
        return r.build();
    }
}
