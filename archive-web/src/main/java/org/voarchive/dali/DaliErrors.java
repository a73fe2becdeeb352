package org.voarchive.dali;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every DALI service's refusal as a DALI error VOTable with its HTTP status (DALI 1.1 section 4.4). */
@Provider
public class DaliErrors implements ExceptionMapper<DaliException> {

    @Override
    public Response toResponse(DaliException e) {
        return response(e.status(), e.getMessage());
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(ErrorDocument.VOTABLE_TYPE + ";charset=UTF-8")
            .entity(ErrorDocument.voTable(message)).build();
    }
}
