package org.voarchive.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * Admin API (role admin, as all of /admin: WEB-INF/web.xml) of the operations page's Storage section:
 * {@code GET /admin/storage}, what every user stores ({@link StorageReport}), most first: their jobs' and personal
 * tables' bytes, their tables, their limits and the share used, their largest tables (names and sizes only), and
 * every group's quota ({@code null}: the default). The quotas are set with {@link AdminGroupsResource}.
 */
@Path("admin/storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminStorageResource {

    @Inject
    StorageReport report;

    @GET
    public Response get() throws SQLException {
        StorageReport.Overview overview = report.overview();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (StorageReport.UserStorage u : overview.users()) {
            StorageQuotas.Quota q = u.quota();
            JsonArrayBuilder largest = Json.createArrayBuilder();
            u.largest().forEach(t -> largest.add(Json.createObjectBuilder().add("table", t.table())
                .add("bytes", t.bytes()).add("rows", t.rows())));
            users.add(Json.createObjectBuilder().add("user", u.user()).add("limitBytes", q.limit())
                .add("usedBytes", q.used()).add("jobBytes", q.jobBytes()).add("tableBytes", q.tableBytes())
                .add("percentUsed", percent(q.used(), q.limit())).add("tables", q.tables())
                .add("maxTables", q.maxTables()).add("largest", largest));
        }
        JsonArrayBuilder groups = Json.createArrayBuilder();
        overview.groups().forEach(g -> groups.add(group(g)));
        return AccountResource.json(200, Json.createObjectBuilder().add("users", users).add("groups", groups).build())
            .build();
    }

    /** A group's quota as the admin API writes it (null: the default). */
    static JsonObjectBuilder group(StorageReport.GroupQuota g) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", g.group()).add("members", g.members());
        if (g.storageBytes() == null) {
            o.addNull("storageBytes");
        } else {
            o.add("storageBytes", g.storageBytes());
        }
        if (g.maxTables() == null) {
            o.addNull("maxTables");
        } else {
            o.add("maxTables", g.maxTables());
        }
        return o;
    }

    /** The share of the limit used, in percent to one decimal (a user over a limit of 0 is at 100). */
    static double percent(long used, long limit) {
        if (limit <= 0) {
            return used > 0 ? 100 : 0;
        }
        return Math.round(1000.0 * used / limit) / 10.0;
    }
}
