package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliService;
import org.voarchive.dali.DaliParameters;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.vosi.AvailabilityService;
import org.voarchive.vosi.xml.Availability;
import org.voarchive.web.CallerName;

/**
 * The datalink service: {links} (DataLink 1.1 section 3, GET or POST with
 * repeated ID), the same links as a page for browsers ({@code view}), and
 * VOSI capabilities and availability. Refusals are DALI error documents
 * (dali.DaliErrors) whose messages start with DataLink's fault names.
 */
@Path("datalink")
@RequestScoped
@DaliService
public class LinksResource {

    @Inject
    DatalinkService links;

    @Inject
    DatalinkCapabilities capabilities;

    @Inject
    AvailabilityService availability;

    @Inject
    SiteIdentity site;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Path("links")
    public Response get() throws DaliException {
        return links(DaliParameters.of(uri.getQueryParameters()));
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) throws DaliException {
        return links(DaliParameters.of(uri.getQueryParameters(), form));
    }

    /** The links as an HTML page ("Datalinks for ..."), for people. */
    @GET
    @Path("view")
    public Response view() throws DaliException {
        LinksRequest request = LinksRequest.parse(DaliParameters.of(uri.getQueryParameters()));
        return PageLayout.response(LinksPage.render(site, request.ids(), links.links(request.ids(), caller()),
            uri.getBaseUri().getRawPath(), caller()), PagePolicy.NO_INLINE);
    }

    @GET
    @Path("capabilities")
    public Response capabilities() {
        return Response.ok(capabilities.document(), "text/xml;charset=UTF-8").build();
    }

    @GET
    @Path("availability")
    @Produces("text/xml;charset=UTF-8")
    public Availability availability() {
        return availability.check();
    }

    private Response links(DaliParameters parameters) throws DaliException {
        LinksRequest request = LinksRequest.parse(parameters);
        LinksResponse response = links.links(request.ids(), caller(), parameters);
        StreamingOutput body = out -> LinksWriter.write(response, request.format(), out);
        return Response.ok(body, request.format().contentType(request.formatRequested())).build();
    }

    private String caller() {
        return CallerName.of(security);
    }
}
