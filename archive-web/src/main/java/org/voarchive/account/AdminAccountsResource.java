package org.voarchive.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/**
 * Admin API (role admin only, as all of /admin but the metadata's part: WEB-INF/web.xml): the users with their
 * groups, live sessions and tokens, and the groups with their members, for the back office's user
 * administration. Read only: users are made and changed with deploy/user.
 */
@Path("admin/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    /** The answer: users and groups, each by name. */
    public record Directory(List<UserDirectory.User> users, List<UserDirectory.Group> groups) {
    }

    @Inject
    UserDirectory directory;

    @GET
    public Directory get() throws SQLException {
        return new Directory(directory.users(), directory.groups());
    }
}
