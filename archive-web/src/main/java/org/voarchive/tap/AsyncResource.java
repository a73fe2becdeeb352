package org.voarchive.tap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.voarchive.dali.DaliErrors;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.site.SiteIdentity;
import org.voarchive.uws.Job;
import org.voarchive.uws.UwsResource;

/**
 * TAP asynchronous queries (TAP 1.1 section 2.3.2): the UWS job list at
 * /tap/async, whose jobs run {@link AsyncQuery}. A failed job's error is a
 * DALI error VOTable, as TAP requires.
 */
@Path("tap/async")
@RequestScoped
public class AsyncResource extends UwsResource {

    @Inject
    SiteIdentity site;

    @Inject
    TapLimits limits;

    @Override
    protected String jobList() {
        return AsyncQuery.JOB_LIST;
    }

    @Override
    protected String listUrl() {
        return site.baseUrl() + "/tap/async";
    }

    @Override
    protected Response errorDocument(Job job) {
        return DaliErrors.response(200, job.errorMessage());
    }

    @Override
    protected long maxUploadBytes() {
        return limits.uploadMaxBytes();
    }

    /** A QUERY over the length limit is refused when given, not when the job runs. */
    @Override
    protected void checkParameters(DaliParameters p) throws DaliException {
        for (String query : p.all("QUERY")) {
            TapRequest.checkQueryLength(query, limits.queryMaxLength());
        }
    }
}
