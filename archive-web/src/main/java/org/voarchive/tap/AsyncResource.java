package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.dali.DaliErrors;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.metadata.Caller;
import org.voarchive.site.SiteIdentity;
import org.voarchive.usertables.PersonalNames;
import org.voarchive.usertables.PersonalTable;
import org.voarchive.usertables.PersonalTables;
import org.voarchive.usertables.TableCallers;
import org.voarchive.usertables.TableRequestException;
import org.voarchive.vosi.TablesService;
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

    @Inject
    PersonalTables personal;

    @Inject
    TablesService tables;

    @Context
    HttpServletRequest servletRequest;

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

    /**
     * Keeps the job's result table as the caller's personal table {@code TABLE} (design §1.8, §4.5): renamed in
     * place, it outlives the job. 201 with its URL and its VOSI description; refusals in text/plain.
     */
    @POST
    @Path("{id}/keep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"text/xml;charset=UTF-8", MediaType.TEXT_PLAIN})
    public Response keep(@PathParam("id") String id, MultivaluedMap<String, String> form) throws SQLException {
        Caller caller = TableCallers.signedIn(servletRequest);
        List<String> names = DaliParameters.of(form).all("TABLE");
        if (names.size() != 1 || names.get(0).isBlank()) {
            throw new TableRequestException(400, "give the new table's name once, as TABLE=name");
        }
        PersonalTable kept = personal.keep(caller, id, PersonalNames.parse(names.get(0).strip(), caller.name()));
        return org.voarchive.vosi.TablesResource.created(site, tables, caller, kept.name());
    }
}
