package org.voarchive.metadata;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;

/** Admin API (role admin): the operators' ADQL user-defined functions. JSON in and out. */
@Path("admin/metadata/functions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminFunctionsResource {

    @Inject
    FunctionAdmin functions;

    @GET
    public List<FunctionRecord> all() throws SQLException {
        return functions.functions();
    }

    @GET
    @Path("{name}")
    public FunctionRecord one(@PathParam("name") String name) throws SQLException {
        return functions.function(name).orElseThrow(() -> new NotFoundException("no function " + name));
    }

    /** Declares a function (no version) or replaces it (the version read; 409 if it moved on). */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FunctionRecord put(@PathParam("name") String name, FunctionRecord edit) throws SQLException {
        return functions.put(name, edit, true);
    }

    /** Removes it, if it is still at {@code version}. */
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("version") Integer version) throws SQLException {
        if (!functions.delete(name, version)) {
            throw new NotFoundException("no function " + name);
        }
        return Response.noContent().build();
    }
}
