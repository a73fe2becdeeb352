package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
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
// one instance, not one a request: making one injected its EJBs and executor afresh (JNDI lookups, EJB
// references), a tenth of a trivial job's CPU over its four requests; the request's own objects (@Context) are
// proxies to the current request's
@ApplicationScoped
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
