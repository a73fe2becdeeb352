package org.voarchive.tap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * The TAP service's DALI examples (DALI 1.1 section 2.3), for everyone. Always
 * XHTML as application/xhtml+xml, whatever the client: one well-formed
 * document that browsers render and RDFa readers parse as XML.
 */
@Path("tap/examples")
@RequestScoped
public class ExamplesResource {

    @Inject
    TapExamples examples;

    @GET
    public Response get() throws SQLException {
        return Response.ok(examples.document(), TapExamples.MEDIA_TYPE + ";charset=UTF-8").build();
    }
}
