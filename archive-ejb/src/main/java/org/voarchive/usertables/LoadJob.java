package org.voarchive.usertables;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.uws.ErrorType;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;
import org.voarchive.uws.JobExecutor;
import org.voarchive.uws.JobFailure;
import org.voarchive.uws.JobResult;

/**
 * A large load as a UWS job (design §1.6, job list {@value #JOB_LIST} behind {@code /tap/load-jobs}): the file
 * stored with the job as the inline upload {@value #DATA_PART} (counted in the owner's quota while the job
 * lives), appended to TABLE by the same loader as {@code /tap/load} ({@link TableLoads#append}), with the rows
 * loaded so far as the job's progress. ABORT cancels the COPY; a failure or an abort adds nothing. The result
 * {@code load} is the synchronous load's answer. The load commits with its effect recorded for the job
 * (uws.JobContext#recordEffect): run again after its node died, the job completes with that answer and loads
 * nothing twice.
 */
@ApplicationScoped
public class LoadJob implements JobExecutor {

    public static final String JOB_LIST = "table-load";
    /** The multipart part holding the file. */
    public static final String DATA_PART = "data";

    @EJB
    DataSources dataSources;

    @Inject
    TableLoads loads;

    @Override
    public String jobList() {
        return JOB_LIST;
    }

    @Override
    public List<JobResult> execute(Job job, JobContext context) throws JobFailure {
        if (job.ownerId() == null) {
            throw fatal("personal tables are their owners': sign in to load rows");
        }
        String target = job.parameter("TABLE").map(String::strip)
            .orElseThrow(() -> fatal("TABLE is missing: give TABLE=schema.table"));
        String format = job.parameter("FORMAT").map(String::strip)
            .orElseThrow(() -> fatal("FORMAT is missing: give csv, tsv, fits or votable"));
        try {
            Caller caller;
            try (Connection c = dataSources.app().getConnection()) {
                caller = Caller.of(c, job.ownerId());
                Optional<String> done = context.recordedEffect(c);
                if (done.isPresent()) {
                    // an earlier attempt loaded the rows and its node died before recording the outcome
                    context.progress("loaded by an earlier attempt, whose node stopped", true);
                    return result(context, done.get());
                }
            }
            TableName name = PersonalNames.parse(target, caller.name());
            long rows;
            try (InputStream in = context.upload(DATA_PART).orElseThrow(() -> fatal("no file: send it as the multipart"
                + " part '" + DATA_PART + "' (with a file name)"))) {
                rows = loads.append(caller, name, format, in, n -> context.progress(n + " rows loaded", false),
                    context.cancellation(), (c, n) -> context.recordEffect(c, TableLoads.inserted(n, name)));
            }
            context.progress(rows + " rows loaded, done", true);
            return result(context, TableLoads.inserted(rows, name));
        } catch (TableRequestException e) {
            throw fatal(e.getMessage());
        } catch (SQLException e) {
            throw fatal("the database refused the load: " + e.getMessage());
        } catch (IOException e) {
            throw fatal("the file could not be read: " + e.getMessage());
        }
    }

    /** The load's answer as the job's one result, as the synchronous load answers. */
    private static List<JobResult> result(JobContext context, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = context.createResult("load.txt")) {
            out.write(bytes);
        }
        return List.of(new JobResult("load", "load.txt", "text/plain", bytes.length));
    }

    private static JobFailure fatal(String message) {
        return new JobFailure(ErrorType.FATAL, message);
    }
}
