package org.voarchive.account;

import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.voarchive.web.CallerAuthentication;

/** An {@link AccountRefusal} as the account API's JSON message with its status; a 401 names the Basic realm. */
@Provider
public class AccountErrors implements ExceptionMapper<AccountRefusal> {

    @Override
    public Response toResponse(AccountRefusal e) {
        Response.ResponseBuilder r = AccountResource.json(e.status(),
            Json.createObjectBuilder().add("message", e.getMessage()).build());
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, CallerAuthentication.CHALLENGE);
        }
        return r.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }
}
