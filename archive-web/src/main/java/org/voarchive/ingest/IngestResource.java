package org.voarchive.ingest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.site.SiteIdentity;
import org.voarchive.uws.Job;
import org.voarchive.uws.UwsResource;

/**
 * Ingest through the admin API: a UWS job list at /admin/ingest (role admin,
 * WEB-INF/web.xml), so a long load runs in the background, shows its progress
 * in the job's jobInfo, survives the client going away and can be aborted.
 */
@Path("admin/ingest")
@RequestScoped
public class IngestResource extends UwsResource {

    @Inject
    SiteIdentity site;

    @Inject
    @ConfigProperty(name = "archive.ingest.max-bytes", defaultValue = "10737418240") // also read by web.BodyLimits
    long maxBytes;

    @Override
    protected String jobList() {
        return IngestJob.JOB_LIST;
    }

    @Override
    protected String listUrl() {
        return site.baseUrl() + "/admin/ingest";
    }

    @Override
    protected Response errorDocument(Job job) {
        return textErrorDocument(job);
    }

    @Override
    protected long maxUploadBytes() {
        return maxBytes;
    }
}
