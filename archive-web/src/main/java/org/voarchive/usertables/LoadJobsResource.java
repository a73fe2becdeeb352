package org.voarchive.usertables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.site.SiteIdentity;
import org.voarchive.uws.Job;
import org.voarchive.uws.UwsResource;
import org.voarchive.web.CallerName;

/**
 * Large loads into personal tables as UWS jobs (design §1.6, our extension of youcat's synchronous load):
 * {@code POST {tap}/load-jobs} with {@code TABLE}, {@code FORMAT} and the file as the multipart part
 * {@code data}; the job shows the rows loaded as it runs, and ABORT cancels it with nothing added.
 */
@Path("tap/load-jobs")
@RequestScoped
public class LoadJobsResource extends UwsResource {

    @Inject
    SiteIdentity site;

    @Inject
    TableLoads loads;

    @Override
    protected String jobList() {
        return LoadJob.JOB_LIST;
    }

    @Override
    protected String listUrl() {
        return site.baseUrl() + "/tap/load-jobs";
    }

    @Override
    protected Response errorDocument(Job job) {
        return textErrorDocument(job);
    }

    @Override
    protected long maxUploadBytes() {
        return loads.jobMaxBytes();
    }

    /** A load needs its table's owner, and a format the loader reads; the rest is checked when the job runs. */
    @Override
    protected void checkParameters(DaliParameters p) throws DaliException {
        if (CallerName.of(security) == null) {
            throw TableCallers.anonymous();
        }
        if (p.single("FORMAT").isPresent()) {
            TableLoads.Format.of(p.single("FORMAT").get()); // 415 for another
        }
    }
}
