package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.usage.UsageKind;
import org.voarchive.usage.UsageStatistics;
import org.voarchive.uws.ErrorType;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;
import org.voarchive.uws.JobExecutor;
import org.voarchive.uws.JobFailure;
import org.voarchive.uws.JobParameter;
import org.voarchive.uws.JobResult;

/**
 * An async TAP job (TAP 1.1 section 2.3.2): the same query path as sync,
 * with the job's parameters, its stored inline uploads and its execution
 * duration, writing the single result "result" to the job's directory, and
 * keeping the rows as a table too ({@link KeptResults}), which goes with the job.
 */
@ApplicationScoped
public class AsyncQuery implements JobExecutor {

    /** The job list name of async TAP jobs. */
    public static final String JOB_LIST = "tap";
    /** TAP 1.1 section 2.3.2: the result of a query job is named "result". */
    public static final String RESULT = "result";

    @Inject
    QueryService queries;

    @Inject
    TapLimits limits;

    @Inject
    KeptResults kept;

    @Inject
    UsageStatistics usage;

    @Override
    public String jobList() {
        return JOB_LIST;
    }

    @Override
    public List<JobResult> execute(Job job, JobContext context) throws JobFailure {
        TapRequest request;
        DaliParameters parameters = parameters(job);
        try {
            request = TapRequest.parse(parameters, limits.queryMaxLength());
        } catch (DaliException e) {
            throw new JobFailure(ErrorType.FATAL, e.getMessage());
        }
        try (RunningQuery query = queries.start(request, job.ownerId(), part -> context.upload(part),
                context.remainingSeconds(), context.cancellation(),
                // the job's parameters on the endpoint that takes them; the date is this execution's
                queries.origin("/tap/async", parameters, request.query()));
             // the rows go to the table as they are written: closed without commit, it is dropped
             KeptResults.Keeping keeping = kept.keep(job, query, context)) {
            // the job's network (anonymous jobs; a user's job has none), masked before it is kept
            usage.count(UsageKind.TAP_ASYNC, query.sourceTables(), job.clientNetwork());
            String file = RESULT + "." + request.format().fileExtension();
            long size;
            try (JobContext.QuotaStream out = context.createResult(file)) {
                query.writeTo(out);
                size = out.written();
            }
            Optional<String> failure = query.failure();
            if (failure.isPresent()) {
                throw new JobFailure(query.failureIsClients() ? ErrorType.FATAL : ErrorType.TRANSIENT,
                    "the query failed after the first rows: " + failure.get());
            }
            keeping.commit(context); // before the job is COMPLETED: a completed job's table is there
            context.progress(rows(query.rowsDelivered(), query.overflowed()), true);
            return List.of(new JobResult(RESULT, file, query.contentType(), size));
        } catch (DaliException e) {
            throw new JobFailure(e.clientError() ? ErrorType.FATAL : ErrorType.TRANSIENT, e.getMessage());
        } catch (JobContext.QuotaExceeded e) {
            throw new JobFailure(ErrorType.FATAL, e.getMessage());
        } catch (IOException e) {
            throw new JobFailure(ErrorType.TRANSIENT, "the result could not be written: " + e.getMessage());
        }
    }

    /**
     * What the job's progress says of its result once written: its rows, and whether MAXREC cut it. The job
     * document shows it in jobInfo, so a client (the portal's Jobs page) knows the rows without reading the result.
     */
    static String rows(long rows, boolean overflowed) {
        return rows + (rows == 1 ? " row" : " rows") + (overflowed ? " (MAXREC reached: the query has more)" : "");
    }

    /** The job's kept table goes with it. */
    @Override
    public void discard(String jobId) {
        kept.discard(jobId);
    }

    /** A job's parameters as its request gave them. */
    static DaliParameters parameters(Job job) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (JobParameter p : job.parameters()) {
            map.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value());
        }
        return DaliParameters.of(map);
    }
}
