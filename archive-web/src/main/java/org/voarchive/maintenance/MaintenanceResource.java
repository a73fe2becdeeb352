package org.voarchive.maintenance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** Admin API (role admin): the scheduled maintenance tasks of the cluster, their settings and their last runs (and on which node). */
@Path("admin/maintenance")
@RequestScoped
public class MaintenanceResource {

    @Inject
    MaintenanceTasks tasks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() throws SQLException {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (MaintenanceTasks.Task t : tasks.all()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", t.name()).add("description", t.description())
                .add("intervalSeconds", t.intervalSeconds()).add("enabled", t.intervalSeconds() > 0)
                .add("setting", t.setting()).add("runs", t.runs()).add("failures", t.failures());
            if (t.lastStart() != null) {
                o.add("lastStart", t.lastStart().toString()).add("lastDurationMs", t.lastDuration().toMillis())
                    .add("lastOk", t.lastOk()).add("lastOutcome", t.lastOutcome()).add("lastNode", t.lastNode());
            }
            all.add(o);
        }
        return Json.createObjectBuilder().add("tasks", all).build().toString();
    }
}
