package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.account.PersonalTokens;
import org.voarchive.security.Roles;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;
import org.voarchive.site.SiteIdentity;
import org.voarchive.web.CallerName;

/**
 * The account page ({@code /account}), in the pages' layout and under their Content-Security-Policy (no inline
 * style, so no nonce), never stored by a cache (it lists the caller's tokens). The account API's
 * resource ({@code account.AccountResource}) has the same root path and serves what lies below it
 * ({@code /account/sign-in} ...); JAX-RS looks for resource methods in every class of a matching root path.
 */
@Path("account")
@RequestScoped
public class AccountPageResource {

    @Inject
    SiteIdentity site;

    @Inject
    PersonalTokens tokens;

    @Inject
    org.voarchive.account.UserAdministration administration;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /** @param next where the sign-in form goes once signed in (the back office sends callers here with it) */
    @GET
    public Response get(@QueryParam("next") String next) throws SQLException {
        CallerName.Authenticated caller = CallerName.authenticated(request).orElse(null);
        List<PersonalTokens.Token> list = caller == null || caller.credential() == CallerName.Credential.TOKEN
            ? List.of() : tokens.list(caller.caller().name());
        String root = uri.getBaseUri().getRawPath();
        boolean office = request.isUserInRole(Roles.ADMIN) || request.isUserInRole(Roles.CURATOR);
        return PageLayout.response(AccountPage.render(root, site.name(), caller, list, tokens.maxDays(),
            AccountPage.next(root, next), office, administration.signUpAllowed()), PagePolicy.NO_INLINE, true);
    }
}
