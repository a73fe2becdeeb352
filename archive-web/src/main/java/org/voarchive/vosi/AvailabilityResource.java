package org.voarchive.vosi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.voarchive.vosi.xml.Availability;

/**
 * VOSI availability of the TAP service (VOSI 1.1 section 5.5). Always 200: an
 * unavailable service says so in the document, which is what clients read.
 */
@Path("tap/availability")
@RequestScoped
public class AvailabilityResource {

    @Inject
    AvailabilityService availability;

    @GET
    @Produces("text/xml;charset=UTF-8")
    public Availability get() {
        return availability.check();
    }
}
