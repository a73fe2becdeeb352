package org.voarchive.uws.xml;

import java.util.List;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobParameter;
import org.voarchive.uws.JobResult;
import org.voarchive.uws.ListedJob;

/** The UWS documents of stored jobs; links are absolute, under the job list's URL. */
public final class UwsDocuments {

    private UwsDocuments() {
    }

    /** @param jobUrl the job's own URL, e.g. .../tap/async/{id} */
    public static JobSummary job(Job job, String jobUrl) {
        JobSummary s = new JobSummary(job.id(), job.phase().name());
        s.runId = job.runId();
        s.ownerId = job.ownerId();
        s.creationTime = job.creationTime();
        s.startTime = job.startTime();
        s.endTime = job.endTime();
        s.executionDuration = (int) Math.min(Integer.MAX_VALUE, job.executionDuration());
        s.destruction = job.destruction();
        s.parameters = parameters(job);
        s.results = results(job, jobUrl);
        s.errorSummary = job.errorType()
            .map(type -> new ErrorSummary(type.xmlName(), true, job.errorMessage()))
            .orElse(null);
        s.jobInfo = new JobSummary.JobInfo();
        s.jobInfo.queue = job.queue();
        s.jobInfo.progress = job.progress();
        return s;
    }

    public static Parameters parameters(Job job) {
        Parameters p = new Parameters();
        for (JobParameter parameter : job.parameters()) {
            p.parameters.add(new Parameters.Parameter(parameter.name(), parameter.value(), parameter.byReference()));
        }
        return p;
    }

    public static Results results(Job job, String jobUrl) {
        Results r = new Results();
        for (JobResult result : job.results()) {
            r.results.add(new Results.Result(result.resultId(), jobUrl + "/results/" + result.resultId(),
                result.size(), result.mimeType()));
        }
        return r;
    }

    /** @param listUrl the job list's URL, e.g. .../tap/async */
    public static JobList list(List<ListedJob> jobs, String listUrl) {
        JobList list = new JobList();
        for (ListedJob job : jobs) {
            JobList.JobRef ref = new JobList.JobRef();
            ref.id = job.id();
            ref.href = listUrl + "/" + job.id();
            ref.phase = job.phase().name();
            ref.runId = job.runId();
            ref.ownerId = job.ownerId();
            ref.creationTime = job.creationTime();
            list.jobs.add(ref);
        }
        return list;
    }
}
