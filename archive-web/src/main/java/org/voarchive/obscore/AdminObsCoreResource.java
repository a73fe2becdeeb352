package org.voarchive.obscore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.voarchive.metadata.TableName;

/**
 * Admin API (role admin): the tables mapped to ObsCore (ivoa.obscore). JSON in and out; errors as the other
 * admin endpoints' (400 naming the field, 409 with the current version).
 */
@Path("admin/obscore")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminObsCoreResource {

    @Inject
    ObsCoreAdmin obscore;

    @GET
    public List<ObsCoreMapping> all() throws SQLException {
        return obscore.mappings();
    }

    @GET
    @Path("{schema}/{table}")
    public ObsCoreMapping one(@PathParam("schema") String schema, @PathParam("table") String table) throws SQLException {
        return obscore.mapping(schema, table).orElseThrow(() -> noMapping(schema, table));
    }

    /** Maps the table (no version) or replaces its mapping (the version read; 409 if it moved on); rebuilds the view. */
    @PUT
    @Path("{schema}/{table}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObsCoreMapping put(@PathParam("schema") String schema, @PathParam("table") String table, ObsCoreMapping edit)
            throws SQLException {
        if (edit != null && (edit.schema() != null && !edit.schema().equals(schema)
                || edit.table() != null && !edit.table().equals(table))) {
            throw new org.voarchive.metadata.InvalidField(edit.schema() != null && !edit.schema().equals(schema)
                ? "schema" : "table", "the table mapped is the one in the path");
        }
        return obscore.put(schema, table, edit);
    }

    /** Removes the mapping, if it is still at {@code version}; rebuilds the view (or drops it: nothing mapped). */
    @DELETE
    @Path("{schema}/{table}")
    public Response delete(@PathParam("schema") String schema, @PathParam("table") String table,
                           @QueryParam("version") Integer version) throws SQLException {
        if (!obscore.delete(schema, table, version)) {
            throw noMapping(schema, table);
        }
        return Response.noContent().build();
    }

    private static NotFoundException noMapping(String schema, String table) {
        return new NotFoundException("no ObsCore mapping of " + new TableName(schema, table));
    }

    /** Recreates the view from the stored mappings (after the base URL or the authority changed). */
    @POST
    @Path("rebuild")
    public Map<String, List<String>> rebuild() throws SQLException {
        return Map.of("tables", obscore.rebuild());
    }
}
