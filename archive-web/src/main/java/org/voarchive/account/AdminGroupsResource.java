package org.voarchive.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * Admin API (role admin, as all of /admin: WEB-INF/web.xml): {@code PUT /admin/groups/NAME/quota}
 * {@code {"storageBytes": n|null, "maxTables": n|null}} sets what the group's members may store and how many
 * personal tables they may have (a user gets the largest of their groups'; null: the default,
 * archive.uws.user.quota-bytes and archive.usertables.max-tables). Answers the group's quota as
 * {@code GET /admin/storage} lists it. Refusals are {@code {"message": "FIELD: why"}} ({@link AccountErrors}).
 */
@Path("admin/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminGroupsResource {

    @Inject
    StorageReport report;

    @Context
    HttpServletRequest request;

    @PUT
    @Path("{name}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response quota(@PathParam("name") String name, InputStream body) throws SQLException, IOException {
        JsonObject asked = AccountResource.requestBody(body, "{\"storageBytes\": 50000000000, \"maxTables\": null}");
        Long storageBytes = number(asked, "storageBytes", "a number of bytes");
        Long maxTables = number(asked, "maxTables", "a number of tables");
        if (maxTables != null && maxTables > Integer.MAX_VALUE) {
            throw new AccountRefusal(400, "maxTables: at most " + Integer.MAX_VALUE);
        }
        StorageReport.GroupQuota set = report.setGroupQuota(AdminAccountsResource.admin(request), name, storageBytes,
            maxTables == null ? null : maxTables.intValue());
        return AccountResource.json(200, AdminStorageResource.group(set).build()).build();
    }

    /** A whole number, or null when absent or null; anything else is a 400 naming the field. */
    private static Long number(JsonObject asked, String field, String what) {
        JsonValue value = asked.getOrDefault(field, JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().bitLength() > 63) {
            throw new AccountRefusal(400, field + ": " + what + " (0 or more), or null for the default");
        }
        return n.longValue();
    }
}
