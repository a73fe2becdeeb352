package org.voarchive.usertables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.voarchive.dali.DaliParameters;
import org.voarchive.site.SiteIdentity;
import org.voarchive.uws.Job;
import org.voarchive.uws.UwsResource;
import org.voarchive.web.CallerName;

/**
 * youcat's table-update job list (UWS 1.1) at /tap/table-update, whose jobs build an index on a personal table
 * ({@link IndexJob}): {@code TABLE}, {@code INDEX}, {@code UNIQUE}, and our {@code METHOD}. Creating one answers
 * 303 to the job, which pyvo's create_index requires exactly; only the caller's sign-in is checked before that
 * (pyvo loses any other refusal's message), the rest when the job runs, which then ends in ERROR saying why.
 */
@Path("tap/table-update")
@RequestScoped
public class TableUpdateResource extends UwsResource {

    @Inject
    SiteIdentity site;

    @Override
    protected String jobList() {
        return IndexJob.JOB_LIST;
    }

    @Override
    protected String listUrl() {
        return site.baseUrl() + "/tap/table-update";
    }

    @Override
    protected Response errorDocument(Job job) {
        return textErrorDocument(job);
    }

    /** The jobs take parameters only. */
    @Override
    protected long maxUploadBytes() {
        return 0;
    }

    /** Index jobs are their owner's: anonymous callers own no tables. */
    @Override
    protected void checkParameters(DaliParameters p) {
        if (CallerName.of(security) == null) {
            throw TableCallers.anonymous();
        }
    }
}
