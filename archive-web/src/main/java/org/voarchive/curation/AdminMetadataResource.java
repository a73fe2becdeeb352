package org.voarchive.curation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.TableName;

/**
 * Admin API for the metadata (role admin or curator; see WEB-INF/web.xml). JSON in and out. The scripting
 * interface and the back office's (office.BackOfficeResource) alike: the pages' one write path.
 */
@Path("admin/metadata")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminMetadataResource {

    @Inject
    MetadataAdmin admin;

    @Inject
    org.voarchive.obscore.ObsCoreAdmin obscore;

    @Inject
    SchemaAdmin schemaAdmin;

    @Inject
    CreditsAdmin credits;

    @Inject
    ConeSearchAdmin coneSearches;

    @Inject
    ForeignKeyAdmin foreignKeys;


    /** The table's foreign keys (TAP_SCHEMA.keys), each with the table's version. */
    @GET
    @Path("tables/{schema}.{table}/keys")
    public List<ForeignKeyRecord> keys(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        return foreignKeys.keys(schema, table).orElseThrow(() -> noTable(schema, table));
    }

    /** Declares or replaces a key (it becomes curated); {@code version} is the table's (409 if it moved on). */
    @PUT
    @Path("tables/{schema}.{table}/keys/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ForeignKeyRecord> putKey(@PathParam("schema") String schema, @PathParam("table") String table,
                                         @PathParam("key") String key, ForeignKeyRecord edit) throws SQLException {
        return foreignKeys.put(schema, table, key, edit)
            .orElseThrow(() -> noTable(schema, table));
    }

    @DELETE
    @Path("tables/{schema}.{table}/keys/{key}")
    public Response deleteKey(@PathParam("schema") String schema, @PathParam("table") String table,
                              @PathParam("key") String key, @QueryParam("version") Integer version) throws SQLException {
        if (!foreignKeys.delete(schema, table, key, version)) {
            throw new NotFoundException("no key " + key + " of " + new TableName(schema, table));
        }
        return Response.noContent().build();
    }

    @GET
    @Path("tables")
    public List<TableRecord> tables() throws SQLException {
        return admin.tables();
    }

    @GET
    @Path("tables/{schema}.{table}")
    public TableRecord table(@PathParam("schema") String schema, @PathParam("table") String table) throws SQLException {
        return admin.table(schema, table).orElseThrow(() -> noTable(schema, table));
    }

    @PUT
    @Path("tables/{schema}.{table}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TableRecord update(@PathParam("schema") String schema, @PathParam("table") String table, TableRecord edit)
            throws SQLException {
        if (edit == null) {
            throw new BadRequestException("a JSON body with the fields to change and the version is required");
        }
        return admin.updateTable(schema, table, edit)
            .orElseThrow(() -> noTable(schema, table));
    }

    @GET
    @Path("tables/{schema}.{table}/columns")
    public List<ColumnRecord> columns(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        table(schema, table); // 404 for an unknown table
        return admin.columns(schema, table);
    }

    @PUT
    @Path("tables/{schema}.{table}/columns/{column}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ColumnRecord updateColumn(@PathParam("schema") String schema, @PathParam("table") String table,
                                     @PathParam("column") String column, ColumnRecord edit) throws SQLException {
        if (edit == null) {
            throw new BadRequestException("a JSON body with the fields to change and the version is required");
        }
        return admin.updateColumn(schema, table, column, edit)
            .orElseThrow(() -> noColumn(schema, table, column));
    }

    /** The groups that may see the table when it is PRIVATE. */
    @GET
    @Path("tables/{schema}.{table}/groups")
    public List<String> groups(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        table(schema, table); // 404 for an unknown table
        return admin.groups(schema, table);
    }

    /**
     * Replaces the groups that may see the table when it is PRIVATE; {@code ?version=}, the table's version
     * read, is checked (409 if it moved on) and moves on, as for any edit; without it they are set whatever the
     * state (scripts of old).
     */
    @PUT
    @Path("tables/{schema}.{table}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> groups(@PathParam("schema") String schema, @PathParam("table") String table,
                               @QueryParam("version") Integer version, List<String> groups) throws SQLException {
        if (!admin.setTableGroups(schema, table, groups(groups), version)) {
            throw noTable(schema, table);
        }
        return groups;
    }

    /** The columns that have groups of their own, with those groups (the others have their table's). */
    @GET
    @Path("tables/{schema}.{table}/column-groups")
    public Map<String, List<String>> columnGroups(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        table(schema, table); // 404 for an unknown table
        return admin.columnGroups(schema, table);
    }

    /** The columns' order: every column's name, and the table's version read (409 if it moved on). */
    public record ColumnOrder(List<String> columns, Integer version) {
    }

    /** Puts the columns in the order given (TAP_SCHEMA's column_index); the table's version moves on. */
    @PUT
    @Path("tables/{schema}.{table}/column-order")
    @Consumes(MediaType.APPLICATION_JSON)
    public TableRecord columnOrder(@PathParam("schema") String schema, @PathParam("table") String table,
                                   ColumnOrder order) throws SQLException {
        if (order == null || order.version() == null) {
            throw new BadRequestException("a JSON object with the columns in their order and the table's version is required");
        }
        if (!admin.setColumnOrder(schema, table, order.columns(), order.version())) {
            throw noTable(schema, table);
        }
        return table(schema, table);
    }

    /**
     * Who may see what of the table: anonymous callers, any signed-in user, each group its schema, table and
     * columns name, and administrators, by the rules the server applies (curation.TableAccess).
     */
    @GET
    @Path("tables/{schema}.{table}/access")
    public TableAccess access(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        return admin.access(schema, table).orElseThrow(() -> noTable(schema, table));
    }

    /** Every group, by name: those the access levels may name. */
    @GET
    @Path("groups")
    public List<String> allGroups() throws SQLException {
        return admin.allGroups();
    }

    /**
     * UCDs the column's name and unit suggest, each with its reason (curation.UcdSuggestions): offered, never
     * applied. The unit may be one being typed, not yet stored.
     */
    @GET
    @Path("ucd-suggestions")
    public List<UcdSuggestions.Suggestion> ucdSuggestions(@QueryParam("column") String column,
                                                          @QueryParam("unit") String unit) {
        if (column == null || column.isBlank()) {
            throw new BadRequestException("give the column's name: ?column=NAME (and its unit: &unit=UNIT)");
        }
        return UcdSuggestions.suggest(column, unit);
    }

    /** The database's schemas and tables the metadata does not describe yet (never the system schemas). */
    @GET
    @Path("undescribed")
    public List<MetadataDiscovery.Undescribed> undescribed() throws SQLException {
        return admin.undescribed();
    }

    /** What discovering the schema again would change: tables and columns added or removed, types, indexes. */
    @GET
    @Path("schemas/{schema}/changes")
    public List<MetadataDiscovery.Change> changes(@PathParam("schema") String schema) throws SQLException {
        return admin.changes(schema).orElseThrow(() -> new NotFoundException("no schema " + schema));
    }

    /** A JSON array of group names, or a 400. */
    private static List<String> groups(List<String> groups) {
        if (groups == null || groups.contains(null)) {
            throw new BadRequestException("a JSON array of group names is required");
        }
        return groups;
    }

    @GET
    @Path("schemas")
    public List<SchemaRecord> schemas() throws SQLException {
        return schemaAdmin.schemas();
    }

    @GET
    @Path("schemas/{schema}")
    public SchemaRecord schema(@PathParam("schema") String schema) throws SQLException {
        return schemaAdmin.schema(schema).orElseThrow(() -> new NotFoundException("no schema " + schema));
    }

    /** Changes the given fields; {@code version} must be the one read (409 if it moved on). */
    @PUT
    @Path("schemas/{schema}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SchemaRecord updateSchema(@PathParam("schema") String schema, SchemaRecord edit) throws SQLException {
        if (edit == null) {
            throw new BadRequestException("a JSON body with the fields to change and the version is required");
        }
        return schemaAdmin.update(schema, edit).orElseThrow(() -> new NotFoundException("no schema " + schema));
    }

    @GET
    @Path("schemas/{schema}/credits")
    public Credits schemaCredits(@PathParam("schema") String schema) throws SQLException {
        return credits.credits(VersionedObject.SCHEMA, List.of(schema))
            .orElseThrow(() -> new NotFoundException("no schema " + schema));
    }

    /** Replaces them all; {@code version} must be the schema's version read (409 if it moved on). */
    @PUT
    @Path("schemas/{schema}/credits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Credits setSchemaCredits(@PathParam("schema") String schema, Credits edit) throws SQLException {
        return credits.setCredits(VersionedObject.SCHEMA, List.of(schema), edit, true)
            .orElseThrow(() -> new NotFoundException("no schema " + schema));
    }

    /** Removes the schema's metadata (not its data); {@code version}, if given, must be the one read. */
    @DELETE
    @Path("schemas/{schema}")
    public Response deleteSchema(@PathParam("schema") String schema, @QueryParam("version") Integer version)
            throws SQLException {
        if (!schemaAdmin.delete(schema, version)) {
            throw new NotFoundException("no schema " + schema);
        }
        return Response.noContent().build();
    }

    /** Removes the table's metadata (not its data); {@code version}, if given, must be the one read. */
    @DELETE
    @Path("tables/{schema}.{table}")
    public Response deleteTable(@PathParam("schema") String schema, @PathParam("table") String table,
                                @QueryParam("version") Integer version) throws SQLException {
        if (!admin.deleteTable(schema, table, version)) {
            throw noTable(schema, table);
        }
        return Response.noContent().build();
    }

    /** The groups that may see the schema when it is PRIVATE. */
    @GET
    @Path("schemas/{schema}/groups")
    public List<String> schemaGroups(@PathParam("schema") String schema) throws SQLException {
        schema(schema); // 404 for an unknown schema
        return admin.schemaGroups(schema);
    }

    /** The groups that may see a PRIVATE schema; {@code ?version=}, the schema's version read, as for a table's. */
    @PUT
    @Path("schemas/{schema}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> schemaGroups(@PathParam("schema") String schema, @QueryParam("version") Integer version,
                                     List<String> groups) throws SQLException {
        if (!admin.setSchemaGroups(schema, groups(groups), version)) {
            throw new NotFoundException("no schema " + schema);
        }
        return groups;
    }

    /** Creators, contributors and related identifiers (DataCite terms), with the table's version. */
    @GET
    @Path("tables/{schema}.{table}/credits")
    public Credits credits(@PathParam("schema") String schema, @PathParam("table") String table) throws SQLException {
        return credits.credits(VersionedObject.TABLE, List.of(schema, table))
            .orElseThrow(() -> noTable(schema, table));
    }

    /** Replaces them all; {@code version} must be the table's version read (409 if it moved on). */
    @PUT
    @Path("tables/{schema}.{table}/credits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Credits setCredits(@PathParam("schema") String schema, @PathParam("table") String table, Credits edit)
            throws SQLException {
        return credits.setCredits(VersionedObject.TABLE, List.of(schema, table), edit, true)
            .orElseThrow(() -> noTable(schema, table));
    }

    /**
     * Groups for a PRIVATE column; [] gives it its table's groups again. {@code ?version=}, the column's version
     * read, as for a table's groups.
     */
    @PUT
    @Path("tables/{schema}.{table}/columns/{column}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> columnGroups(@PathParam("schema") String schema, @PathParam("table") String table,
                                     @PathParam("column") String column, @QueryParam("version") Integer version,
                                     List<String> groups) throws SQLException {
        if (!admin.setColumnGroups(schema, table, column, groups(groups), version)) {
            throw noColumn(schema, table, column);
        }
        return groups;
    }

    /** The table's cone search settings; when it has none ({@code enabled} false), what enabling would store. */
    @GET
    @Path("tables/{schema}.{table}/conesearch")
    public ConeSearchSettings coneSearch(@PathParam("schema") String schema, @PathParam("table") String table)
            throws SQLException {
        return coneSearches.settings(schema, table).orElseThrow(() -> noTable(schema, table));
    }

    /**
     * Enables the cone search or replaces its settings; absent settings are found from the columns' UCDs,
     * the principal columns and the table's rows. {@code version} must be the table's version read.
     */
    @PUT
    @Path("tables/{schema}.{table}/conesearch")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConeSearchSettings enableConeSearch(@PathParam("schema") String schema, @PathParam("table") String table,
                                               ConeSearchSettings edit) throws SQLException {
        return coneSearches.enable(schema, table, edit, true)
            .orElseThrow(() -> noTable(schema, table));
    }

    /** Withdraws the cone search (its settings go); {@code version}, if given, must be the table's version read. */
    @DELETE
    @Path("tables/{schema}.{table}/conesearch")
    public Response disableConeSearch(@PathParam("schema") String schema, @PathParam("table") String table,
                                      @QueryParam("version") Integer version) throws SQLException {
        if (!coneSearches.disable(schema, table, version)) {
            throw noTable(schema, table);
        }
        return Response.noContent().build();
    }

    /** 404: the metadata has no such table. */
    private static NotFoundException noTable(String schema, String table) {
        return new NotFoundException("no table " + new TableName(schema, table));
    }

    /** 404: the metadata has no such column (or no such table). */
    private static NotFoundException noColumn(String schema, String table, String column) {
        return new NotFoundException("no column " + column + " in " + new TableName(schema, table));
    }

    /** The curated metadata of every table, for moving it to another instance. */
    @GET
    @Path("export")
    public MetadataDocument export() throws SQLException {
        return admin.export().withObsCore(obscore.mappings());
    }

    /**
     * Applies an export to the tables of the same names; all or nothing. Its ObsCore mappings follow in a
     * transaction of their own (the view is the owner role's DDL), once the tables they map are published.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public jakarta.json.JsonObject importDocument(MetadataDocument document,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) throws SQLException {
        if (document != null && document.functions() != null && !document.functions().isEmpty()
                && !security.isUserInRole(org.voarchive.security.Roles.ADMIN)) {
            // ADQL functions are SQL the database runs: their API is the administrators' (WEB-INF/web.xml), and
            // an import must not be the way round it that the curators' /admin/metadata/* would otherwise be
            throw new jakarta.ws.rs.ForbiddenException(jakarta.ws.rs.core.Response.status(403)
                .type(MediaType.APPLICATION_JSON).entity(jakarta.json.Json.createObjectBuilder().add("message",
                    "the document defines ADQL functions, which only administrators import: remove its \"functions\""
                    + " or ask an administrator").build().toString()).build());
        }
        int tables = admin.importDocument(document);
        int mapped = obscore.importMappings(document.obscore());
        return jakarta.json.Json.createObjectBuilder().add("tables", tables).add("obscore", mapped).build();
    }

    /**
     * Describes a schema of the database (tables, columns, types, keys), or refreshes its description; with
     * {@code &table=}, only that table or view of it.
     */
    @POST
    @Path("discover")
    public MetadataDiscovery.Result discover(@QueryParam("schema") String schema, @QueryParam("table") String table)
            throws SQLException {
        if (schema == null || schema.isBlank()) {
            throw new BadRequestException("give the schema to discover: ?schema=NAME (and &table=NAME for one table)");
        }
        return admin.discover(schema, table == null || table.isBlank() ? null : table);
    }
}
