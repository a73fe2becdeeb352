package org.voarchive.usertables;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.voarchive.uws.UwsErrors;

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
        return UwsErrors.plainText(e.status(), e.getMessage());
    }
}
