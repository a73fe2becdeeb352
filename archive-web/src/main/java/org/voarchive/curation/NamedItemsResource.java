package org.voarchive.curation;

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
import java.util.Optional;

/**
 * The admin API's shape for metadata items known by a name alone (ADQL functions, DALI examples): list, read,
 * put (no version: add; the version read: replace, 409 if it moved on) and delete at a version. JSON in and out.
 * One class so that the two collections cannot drift apart in status codes or messages.
 *
 * @param <R> the item's JSON record
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class NamedItemsResource<R> {

    /** What the item is called in a 404's message ("function", "example"). */
    private final String noun;

    protected NamedItemsResource(String noun) {
        this.noun = noun;
    }

    protected abstract List<R> list() throws SQLException;

    protected abstract Optional<R> find(String name) throws SQLException;

    /** Adds or replaces, checking the version the caller read. */
    protected abstract R store(String name, R edit) throws SQLException;

    /** @return false if there is no such item */
    protected abstract boolean remove(String name, Integer version) throws SQLException;

    @GET
    public List<R> all() throws SQLException {
        return list();
    }

    @GET
    @Path("{name}")
    public R one(@PathParam("name") String name) throws SQLException {
        return find(name).orElseThrow(() -> new NotFoundException("no " + noun + " " + name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public R put(@PathParam("name") String name, R edit) throws SQLException {
        return store(name, edit);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("version") Integer version) throws SQLException {
        if (!remove(name, version)) {
            throw new NotFoundException("no " + noun + " " + name);
        }
        return Response.noContent().build();
    }
}
