package org.voarchive.office;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.voarchive.curation.TableStatistics;
import org.voarchive.maintenance.MaintenanceTasks;
import org.voarchive.oai.OaiService;
import org.voarchive.site.SiteIdentity;
import org.voarchive.usage.MaskedNetwork;
import org.voarchive.usage.UsageStatistics;
import org.voarchive.uws.ActiveJob;
import org.voarchive.uws.ExecutionPhase;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobManager;
import org.voarchive.uws.JobRequest;
import org.voarchive.uws.JobStore;
import org.voarchive.uws.UwsException;
import org.voarchive.uws.UwsSettings;
import org.voarchive.web.CallerName;

/**
 * Admin API (role admin, WEB-INF/web.xml) of the operations page ({@code /admin/operations}): the job queues
 * with their executing and queued jobs, aborting any job, the tables' statistics, the OAI-PMH repository's
 * state and the usage statistics.
 * The maintenance tasks are {@code /admin/maintenance}'s. An anonymous job's owner is shown as its masked
 * network ({@link MaskedNetwork}), never the address it was created from.
 */
@Path("admin/operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private static final Logger LOG = Logger.getLogger(OperationsResource.class.getName());
    /** The most days of usage one call returns. */
    static final int MAX_DAYS = 366;

    @Inject
    JobStore store;

    @Inject
    JobManager manager;

    @Inject
    UwsSettings uws;

    @Inject
    TableStatistics statistics;

    @Inject
    MaintenanceTasks maintenance;

    @Inject
    UsageStatistics usage;

    @Inject
    OaiService oai;

    @Context
    SecurityContext security;

    @Inject
    SiteIdentity site;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /**
     * The page itself, here because JAX-RS gives {@code /admin/operations} to the resource with the longest
     * path; the same gate as the other back office pages (administrators; anonymous callers sent to sign in).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return BackOfficeResource.page(site, uri, request, true, OperationsPage::html);
    }

    /** Every queue (as configured) with its EXECUTING and QUEUED jobs, oldest first. */
    @GET
    @Path("jobs")
    public String jobs() {
        Map<String, List<ActiveJob>> byQueue = store.active().stream()
            .collect(java.util.stream.Collectors.groupingBy(j -> j.queue().toLowerCase(java.util.Locale.ROOT)));
        JsonArrayBuilder queues = Json.createArrayBuilder();
        uws.queues().forEach(q -> {
            List<ActiveJob> jobs = byQueue.getOrDefault(q.name().toLowerCase(java.util.Locale.ROOT), List.of());
            queues.add(Json.createObjectBuilder().add("name", q.name()).add("concurrency", q.concurrency())
                .add("maxExecutionSeconds", q.maxExecutionSeconds())
                .add("executing", jobs.stream().filter(j -> j.phase() == ExecutionPhase.EXECUTING).count())
                .add("queued", jobs.stream().filter(j -> j.phase() == ExecutionPhase.QUEUED).count())
                .add("jobs", jobList(jobs)));
        });
        return Json.createObjectBuilder().add("queues", queues).build().toString();
    }

    private static JsonArrayBuilder jobList(List<ActiveJob> jobs) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ActiveJob j : jobs) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", j.id()).add("jobList", j.jobList())
                .add("phase", j.phase().name()).add("owner", owner(j.ownerId(), j.network()))
                .add("anonymous", j.ownerId() == null).add("created", j.creationTime().toString())
                .add("executionDuration", j.executionDuration());
            if (j.runId() != null) {
                o.add("runId", j.runId());
            }
            if (j.startTime() != null) {
                o.add("started", j.startTime().toString());
            }
            if (j.node() != null) {
                o.add("node", j.node());
            }
            all.add(o);
        }
        return all;
    }

    /** A user's name, or an anonymous owner's masked network. */
    static String owner(String user, String network) {
        if (user != null) {
            return user;
        }
        String masked = MaskedNetwork.of(network);
        return masked.isEmpty() ? "anonymous" : "anonymous (network " + masked + ")";
    }

    /**
     * Aborts a job of any owner through the same path as its owner's PHASE=ABORT (its SQL cancelled at once),
     * and logs who aborted whose job. A job that has ended already stays as it is; the answer says its phase.
     */
    @POST
    @Path("jobs/{id}/abort")
    public String abort(@PathParam("id") String id) throws UwsException {
        Job job = store.find(id).orElseThrow(() -> UwsException.notFound(id));
        String owner = owner(job.ownerId(), job.clientNetwork());
        ExecutionPhase before = job.phase();
        manager.update(id, JobRequest.phaseOnly(JobRequest.PhaseRequest.ABORT));
        ExecutionPhase after = store.find(id).map(Job::phase).orElse(ExecutionPhase.ABORTED);
        String admin = CallerName.of(security);
        LOG.info(() -> "administrator " + admin + " asked to abort job " + id + " (" + job.jobList() + ", owner " + owner
            + "): " + before + " -> " + after);
        return Json.createObjectBuilder().add("id", id).add("before", before.name()).add("phase", after.name())
            .build().toString();
    }

    /** Every described table's rows and size as the last statistics run left them, with that run. */
    @GET
    @Path("tables")
    public String tables() throws SQLException {
        JsonArrayBuilder tables = Json.createArrayBuilder();
        for (TableStatistics.Figures f : statistics.figures()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("schema", f.schema()).add("table", f.table())
                .add("published", f.published());
            if (f.rows() != null) {
                o.add("rows", f.rows());
            }
            if (f.sizeBytes() != null) {
                o.add("sizeBytes", f.sizeBytes());
            }
            tables.add(o);
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("tables", tables);
        maintenance.all().stream().filter(t -> TableStatistics.TASK.equals(t.name())).findFirst().ifPresent(t -> {
            answer.add("intervalSeconds", t.intervalSeconds());
            if (t.lastStart() != null) {
                answer.add("lastRun", t.lastStart().toString()).add("lastOutcome", t.lastOutcome())
                    .add("lastNode", t.lastNode());
            }
        });
        return answer.build().toString();
    }

    /** The OAI-PMH repository: records on offer and tombstones per set, earliest datestamp, last reconciliation. */
    @GET
    @Path("oai")
    public String oai() throws SQLException {
        OaiService.State state = oai.state();
        JsonArrayBuilder sets = Json.createArrayBuilder();
        state.sets().forEach(s -> sets.add(Json.createObjectBuilder().add("spec", s.spec()).add("name", s.name())
            .add("offered", s.offered()).add("tombstones", s.tombstones())));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("sets", sets).add("deletedRecord", state.deletedRecord());
        if (state.earliest() != null) {
            answer.add("earliestDatestamp", state.earliest().toString());
        }
        if (state.reconciled() != null) {
            answer.add("reconciled", state.reconciled().toString());
        }
        return answer.build().toString();
    }

    /** The requests of the last {@code days} days (UTC) per day, kind and table. */
    @GET
    @Path("usage")
    public String usage(@QueryParam("days") @DefaultValue("30") int days) throws SQLException {
        if (days < 1 || days > MAX_DAYS) {
            throw new BadRequestException("days must be between 1 and " + MAX_DAYS);
        }
        JsonArrayBuilder counts = Json.createArrayBuilder();
        usage.daily(days).forEach(c -> counts.add(Json.createObjectBuilder().add("day", c.day().toString())
            .add("kind", c.kind().name()).add("table", c.table()).add("requests", c.requests())
            .add("networks", c.networks())));
        return Json.createObjectBuilder().add("days", days).add("retentionDays", usage.retentionDays())
            .add("today", Instant.now().toString().substring(0, 10))
            .add("masking", MaskedNetwork.DESCRIPTION).add("counts", counts).build().toString();
    }
}
