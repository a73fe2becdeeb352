package org.voarchive.curation;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/** Admin API errors as JSON: 400 names the field, 409 gives the current version. */
public final class AdminErrors {

    private AdminErrors() {
    }

    @Provider
    public static class InvalidFieldMapper implements ExceptionMapper<InvalidField> {
        @Override
        public Response toResponse(InvalidField e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("field", e.field()).add("message", e.getMessage()).build().toString())
                .build();
        }
    }

    @Provider
    public static class VersionConflictMapper implements ExceptionMapper<VersionConflict> {
        @Override
        public Response toResponse(VersionConflict e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("message", e.getMessage())
                    .add("currentVersion", e.currentVersion()).build().toString())
                .build();
        }
    }
}
