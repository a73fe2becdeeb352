package org.voarchive.dali;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.voarchive.scs.ConeRequest;

/**
 * Every DALI service's refusal as a DALI error VOTable with its HTTP status (DALI 1.1 section 4.4); a cone
 * search's in SCS 1.03's form too ({@link DaliService#coneSearch}).
 */
@Provider
public class DaliErrors implements ExceptionMapper<DaliException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(DaliException e) {
        return response(e.status(), e.getMessage(), coneSearch(resource));
    }

    public static Response response(int status, String message) {
        return response(status, message, false);
    }

    /** The error document of a DALI service, in SCS 1.03's form too for a cone search. */
    public static Response response(int status, String message, boolean coneSearch) {
        String type = coneSearch ? ConeRequest.SCS_VOTABLE_TYPE : ErrorDocument.VOTABLE_TYPE;
        return Response.status(status).type(type + ";charset=UTF-8").entity(ErrorDocument.voTable(message, coneSearch))
            .build();
    }

    /** The DALI service the matched resource is, if it is one. */
    public static DaliService service(ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        return type == null ? null : type.getAnnotation(DaliService.class);
    }

    private static boolean coneSearch(ResourceInfo resource) {
        DaliService service = service(resource);
        return service != null && service.coneSearch();
    }
}
