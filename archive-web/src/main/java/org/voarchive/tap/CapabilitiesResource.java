package org.voarchive.tap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** VOSI capabilities of the TAP service (VOSI 1.1 section 3), for everyone. */
@Path("tap/capabilities")
@RequestScoped
public class CapabilitiesResource {

    @Inject
    TapCapabilities capabilities;

    @GET
    public Response get() {
        return Response.ok(capabilities.document(), "text/xml;charset=UTF-8").build();
    }
}
