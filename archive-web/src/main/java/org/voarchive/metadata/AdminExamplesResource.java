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

/** Admin API (role admin): the DALI examples of the TAP service (/tap/examples). JSON in and out. */
@Path("admin/metadata/examples")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminExamplesResource {

    @Inject
    ExampleAdmin examples;

    @GET
    public List<ExampleRecord> all() throws SQLException {
        return examples.examples();
    }

    @GET
    @Path("{name}")
    public ExampleRecord one(@PathParam("name") String name) throws SQLException {
        return examples.example(name).orElseThrow(() -> new NotFoundException("no example " + name));
    }

    /** Adds an example (no version) or replaces it (the version read; 409 if it moved on). */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExampleRecord put(@PathParam("name") String name, ExampleRecord edit) throws SQLException {
        return examples.put(name, edit, true);
    }

    /** Removes it, if it is still at {@code version}. */
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("version") Integer version) throws SQLException {
        if (!examples.delete(name, version)) {
            throw new NotFoundException("no example " + name);
        }
        return Response.noContent().build();
    }
}
