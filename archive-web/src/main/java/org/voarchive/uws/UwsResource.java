package org.voarchive.uws;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.uws.xml.UwsDocuments;
import org.voarchive.uws.xml.UwsXml;
import org.voarchive.web.CallerName;
import org.voarchive.web.ClientAddresses;

/**
 * The UWS 1.1 resource tree of one job list: the list, job creation, the job
 * and each of its children. Subclasses bind it to a path and say what their
 * jobs are (the job list name, the error document, the upload limit).
 * Changes answer 303 to the job (or, after deletion, to the list), at its URL under {@code archive.base-url}.
 * A client that asks for the job itself with RFC 7240's {@code Prefer: return=representation} gets it instead
 * of the redirect: 201 with the new job's document (and its URL as Location) on creation, 200 with the job's
 * document on a change. The portal's pages ask so: reached under another host name than the base URL's (an
 * address on the server's own network, a tunnel), a browser's fetch may not follow a redirect to another
 * origin. VO clients send no such header and see the 303s UWS describes.
 */
public abstract class UwsResource {

    private static final String XML = "text/xml;charset=UTF-8";
    private static final String TEXT = "text/plain;charset=UTF-8";
    /** RFC 7240's preference for the resource itself instead of a redirect to it, and its acknowledgement. */
    private static final String REPRESENTATION = "return=representation";
    private static final String PREFERENCE_APPLIED = "Preference-Applied";

    @Inject
    JobManager manager;

    @Inject
    JobStore store;

    @Inject
    UwsSettings settings;

    @Inject
    PhaseEvents events;

    @Inject
    ClientAddresses clients;

    @Inject
    org.voarchive.usage.UsageStatistics usage;

    @Context
    protected SecurityContext security;

    @Context
    protected UriInfo uri;

    @Context
    HttpServletRequest request;

    /** The job list name jobs are stored under. */
    protected abstract String jobList();

    /** The absolute URL of the job list, e.g. https://host/tap/async. */
    protected abstract String listUrl();

    /** The detailed error of a failed job (UWS leaves the format to the service). */
    protected abstract Response errorDocument(Job job);

    /** A failed job's error message as text: the error document of job lists that are not DALI's. */
    protected static Response textErrorDocument(Job job) {
        return Response.ok(job.errorMessage() + "\n", MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    /** The most bytes the inline uploads of one job may have together. */
    protected abstract long maxUploadBytes();

    /**
     * Refuses job parameters the service would refuse anyway, before they are stored: at creation
     * and whenever they change while the job is PENDING. Nothing by default.
     */
    protected void checkParameters(DaliParameters p) throws DaliException {
    }

    /** Who calls: the authenticated user, or an anonymous caller's network, which the job limits count against. */
    private JobOwner caller() {
        return JobOwner.of(CallerName.of(security), clients.of(request));
    }

    private URI jobUri(String id) {
        return URI.create(listUrl() + "/" + id);
    }

    private Job job(String id) throws UwsException {
        return job(id, caller().user());
    }

    private Job job(String id, String caller) throws UwsException {
        // a job of another job list does not exist here
        Job job = store.find(id).filter(j -> j.jobList().equals(jobList())).orElseThrow(() -> UwsException.notFound(id));
        return JobAccess.check(job, caller);
    }

    // ---- the job list

    @GET
    @Produces(XML)
    public Response list() throws UwsException {
        DaliParameters p = DaliParameters.of(uri.getQueryParameters());
        Set<ExecutionPhase> phases = EnumSet.noneOf(ExecutionPhase.class);
        for (String phase : p.all("PHASE")) {
            phases.add(phaseNamed(phase));
        }
        Optional<String> afterValue = single(p, "AFTER");
        Instant after = afterValue.isPresent() ? UwsValues.instant("AFTER", afterValue.get()) : null;
        int last = settings.maxListed();
        Optional<String> lastValue = single(p, "LAST");
        if (lastValue.isPresent()) {
            last = Math.min(last, positiveInt("LAST", lastValue.get()));
        }
        String caller = caller().user();
        List<ListedJob> jobs = caller == null && settings.anonymousJobs() != UwsSettings.AnonymousJobs.LISTED
            ? List.of() : store.list(jobList(), caller, phases, after, last);
        return Response.ok(UwsXml.toBytes(UwsDocuments.list(jobs, listUrl())), XML).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) throws UwsException, DaliException, IOException {
        return create(DaliParameters.of(uri.getQueryParameters(), form), Map.of());
    }

    /** Parts with a file name are inline uploads, stored with the job; the others are parameters. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createMultipart(List<EntityPart> parts) throws UwsException, DaliException, IOException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        Map<String, InputStream> uploads = new LinkedHashMap<>();
        split(parts, form, uploads);
        return create(DaliParameters.of(uri.getQueryParameters(), form), uploads);
    }

    /** Sorts multipart parts into parameters and inline uploads (those with a file name). */
    private static void split(List<EntityPart> parts, Map<String, List<String>> form, Map<String, InputStream> uploads)
            throws IOException {
        for (EntityPart part : parts) {
            if (part.getFileName().isPresent()) {
                uploads.put(part.getName(), part.getContent());
            } else {
                form.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getContent(String.class));
            }
        }
    }

    private Response create(DaliParameters p, Map<String, InputStream> uploads)
            throws UwsException, DaliException, IOException {
        checkParameters(p);
        JobOwner caller = caller();
        if (caller.anonymous() && settings.anonymousJobs() == UwsSettings.AnonymousJobs.REFUSED) {
            throw new UwsException(401, "this service runs jobs for authenticated users only");
        }
        Job job = manager.create(jobList(), caller, JobRequest.parse(p), uploads, maxUploadBytes());
        if (representationPreferred()) {
            return Response.status(201).location(jobUri(job.id())).entity(jobBytes(job)).type(XML)
                .header(PREFERENCE_APPLIED, REPRESENTATION).build();
        }
        return Response.seeOther(jobUri(job.id())).build();
    }

    /** The answer to a change of a job: 303 to it, or the job's document when the client prefers it (see above). */
    private Response changed(String id) throws UwsException {
        if (representationPreferred()) {
            return Response.fromResponse(jobDocument(job(id))).header(PREFERENCE_APPLIED, REPRESENTATION).build();
        }
        return Response.seeOther(jobUri(id)).build();
    }

    /** RFC 7240: {@code Prefer: return=representation}, among other preferences perhaps. */
    private boolean representationPreferred() {
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                if (preference.split(";")[0].replace(" ", "").equalsIgnoreCase(REPRESENTATION)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- the job

    /** The job document; WAIT blocks (without a thread) until the phase changes, for at most the configured time. */
    @GET
    @Path("{id}")
    @Produces(XML)
    public void job(@PathParam("id") String id, @Suspended AsyncResponse response) {
        try {
            DaliParameters p = DaliParameters.of(uri.getQueryParameters());
            Optional<String> wait = single(p, "WAIT");
            Optional<String> phaseValue = single(p, "PHASE");
            Optional<ExecutionPhase> only = Optional.empty();
            if (phaseValue.isPresent()) {
                only = Optional.of(phaseNamed(phaseValue.get()));
                if (!only.get().isActive()) {
                    throw UwsException.badRequest("WAIT with PHASE=" + only.get()
                        + " makes no sense: only PENDING, QUEUED and EXECUTING can change");
                }
            }
            long seconds = wait.isEmpty() ? 0 : waitSeconds(wait.get());
            if (seconds == 0) {
                response.resume(jobDocument(job(id)));
                return;
            }
            var next = events.nextChange(id, seconds * 1000); // before reading: no change is missed
            Job job = job(id);
            if (!job.phase().isActive() || phaseValue.isPresent() && only.get() != job.phase()) {
                next.change().complete(false);
                response.resume(jobDocument(job));
                return;
            }
            next.saw(job.phase());
            String caller = caller().user(); // the request's scope is gone when the change comes
            next.change().thenRunAsync(() -> {
                try {
                    response.resume(jobDocument(job(id, caller)));
                } catch (UwsException | RuntimeException e) {
                    response.resume(e);
                }
            }, events.wakers());
        } catch (UwsException | RuntimeException e) {
            response.resume(e);
        }
    }

    private long waitSeconds(String value) throws UwsException {
        long seconds = longValue("WAIT", value);
        if (seconds < -1) {
            throw UwsException.badRequest("WAIT must be -1 (as long as the service allows) or a number of seconds");
        }
        return seconds == -1 ? settings.maxWaitSeconds() : Math.min(seconds, settings.maxWaitSeconds());
    }

    private Response jobDocument(Job job) {
        return Response.ok(jobBytes(job), XML).build();
    }

    private byte[] jobBytes(Job job) {
        return UwsXml.toBytes(UwsDocuments.job(job, jobUri(job.id()).toString()));
    }

    /** ACTION=DELETE deletes; PHASE= acts as on /phase; other parameters change the job's parameters. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("id") String id, MultivaluedMap<String, String> form)
            throws UwsException, DaliException {
        DaliParameters p = DaliParameters.of(uri.getQueryParameters(), form);
        JobRequest request = JobRequest.parse(p);
        job(id);
        if (request.delete()) {
            manager.update(id, request);
            return Response.seeOther(URI.create(listUrl())).build();
        }
        checkParameters(p);
        manager.update(id, request);
        return changed(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws UwsException {
        manager.destroy(job(id));
        return Response.seeOther(URI.create(listUrl())).build();
    }

    @GET
    @Path("{id}/phase")
    @Produces(TEXT)
    public String phase(@PathParam("id") String id) throws UwsException {
        return job(id).phase().name();
    }

    @POST
    @Path("{id}/phase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setPhase(@PathParam("id") String id, MultivaluedMap<String, String> form) throws UwsException {
        job(id);
        manager.update(id, JobRequest.phaseOnly(JobRequest.phase(required(form, "PHASE"))));
        return changed(id);
    }

    @GET
    @Path("{id}/executionduration")
    @Produces(TEXT)
    public String executionDuration(@PathParam("id") String id) throws UwsException {
        return Long.toString(job(id).executionDuration());
    }

    @POST
    @Path("{id}/executionduration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setExecutionDuration(@PathParam("id") String id, MultivaluedMap<String, String> form)
            throws UwsException {
        job(id);
        manager.update(id, JobRequest.executionDurationOnly(longValue("EXECUTIONDURATION", required(form, "EXECUTIONDURATION"))));
        return changed(id);
    }

    @GET
    @Path("{id}/destruction")
    @Produces(TEXT)
    public String destruction(@PathParam("id") String id) throws UwsException {
        return job(id).destruction().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @POST
    @Path("{id}/destruction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setDestruction(@PathParam("id") String id, MultivaluedMap<String, String> form) throws UwsException {
        job(id);
        manager.update(id, JobRequest.destructionOnly(UwsValues.instant("DESTRUCTION", required(form, "DESTRUCTION"))));
        return changed(id);
    }

    @GET
    @Path("{id}/error")
    public Response error(@PathParam("id") String id) throws UwsException {
        Job job = job(id);
        if (job.errorType().isEmpty()) {
            throw new UwsException(404, "job " + id + " is " + job.phase() + " and has no error");
        }
        return errorDocument(job);
    }

    /** The archive cannot predict completion times: the quote is empty ("don't know", xsi:nil in the job). */
    @GET
    @Path("{id}/quote")
    @Produces(TEXT)
    public String quote(@PathParam("id") String id) throws UwsException {
        job(id);
        return "";
    }

    @GET
    @Path("{id}/owner")
    @Produces(TEXT)
    public String owner(@PathParam("id") String id) throws UwsException {
        String owner = job(id).ownerId();
        return owner == null ? "" : owner;
    }

    @GET
    @Path("{id}/parameters")
    @Produces(XML)
    public Response parameters(@PathParam("id") String id) throws UwsException {
        return Response.ok(UwsXml.toBytes(UwsDocuments.parameters(job(id))), XML).build();
    }

    @POST
    @Path("{id}/parameters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setParameters(@PathParam("id") String id, MultivaluedMap<String, String> form)
            throws UwsException, DaliException {
        job(id);
        DaliParameters p = DaliParameters.of(uri.getQueryParameters(), form);
        checkParameters(p);
        manager.update(id, JobRequest.parse(p).parametersOnly());
        return changed(id);
    }

    /**
     * Parameters with inline uploads for a PENDING job (TAP 1.1 lets UPLOAD be posted before the job runs); the
     * uploads count in the job's upload limit with those it has.
     */
    @POST
    @Path("{id}/parameters")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response setParametersMultipart(@PathParam("id") String id, List<EntityPart> parts)
            throws UwsException, DaliException, IOException {
        job(id);
        Map<String, List<String>> form = new LinkedHashMap<>();
        Map<String, InputStream> uploads = new LinkedHashMap<>();
        split(parts, form, uploads);
        DaliParameters p = DaliParameters.of(uri.getQueryParameters(), form);
        checkParameters(p);
        JobRequest parameters = JobRequest.parse(p).parametersOnly();
        if (!uploads.isEmpty()) {
            manager.addUploads(id, uploads, maxUploadBytes());
        }
        if (!parameters.parameters().isEmpty()) {
            manager.update(id, parameters);
        }
        return changed(id);
    }

    @GET
    @Path("{id}/results")
    @Produces(XML)
    public Response results(@PathParam("id") String id) throws UwsException {
        Job job = job(id);
        return Response.ok(UwsXml.toBytes(UwsDocuments.results(job, jobUri(id).toString())), XML).build();
    }

    @GET
    @Path("{id}/results/{result}")
    public Response result(@PathParam("id") String id, @PathParam("result") String name) throws UwsException {
        Job job = job(id);
        JobResult result = job.results().stream().filter(r -> r.resultId().equals(name)).findFirst()
            .orElseThrow(() -> new UwsException(404, "job " + id + " has no result " + name
                + (job.phase() == ExecutionPhase.COMPLETED ? "" : " (it is " + job.phase() + ")")));
        java.nio.file.Path file = manager.files().result(job, result.fileName());
        if (!Files.isRegularFile(file)) {
            throw new UwsException(404, "the result file of job " + id + " is gone");
        }
        usage.countResult(id, clients.of(request));
        return Response.ok(file.toFile(), result.mimeType()).build();
    }

    // ---- values

    /** The one value of a parameter a child resource's POST must carry. */
    private String required(MultivaluedMap<String, String> form, String name) throws UwsException {
        return single(DaliParameters.of(uri.getQueryParameters(), form), name)
            .orElseThrow(() -> UwsException.badRequest(name + " is missing"));
    }

    private static Optional<String> single(DaliParameters p, String name) throws UwsException {
        return JobRequest.single(p, name);
    }

    private static ExecutionPhase phaseNamed(String value) throws UwsException {
        try {
            return ExecutionPhase.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UwsException.badRequest("PHASE=" + value + " is not a UWS phase");
        }
    }

    private static long longValue(String name, String value) throws UwsException {
        return UwsValues.wholeNumber(name, value);
    }

    private static int positiveInt(String name, String value) throws UwsException {
        long n = longValue(name, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw UwsException.badRequest(name + " must be a positive number, not " + value);
        }
        return (int) n;
    }
}
