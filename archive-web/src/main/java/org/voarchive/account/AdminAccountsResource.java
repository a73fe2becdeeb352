package org.voarchive.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.web.CallerName;

/**
 * Admin API (role admin only, as all of /admin but the metadata's part: WEB-INF/web.xml) for the back office's
 * user administration, JSON in and out, never cached:
 * <ul>
 * <li>{@code GET /admin/accounts}: the users (groups, disabled, live sessions and tokens) and the groups with
 * their members;</li>
 * <li>{@code POST /admin/accounts/users} {@code {"name": ..., "groups": [...], "password": ...}}: creates a user
 * (201); without {@code password} the archive generates one, which the answer holds this once;</li>
 * <li>{@code PUT /admin/accounts/users/NAME/groups} {@code {"groups": [...]}}: exactly these groups (new ones
 * are created);</li>
 * <li>{@code POST /admin/accounts/users/NAME/disable} and {@code .../enable};</li>
 * <li>{@code POST /admin/accounts/users/NAME/password}: a new generated password, in the answer this once;</li>
 * <li>{@code POST /admin/accounts/users/NAME/revoke}: ends all the user's sessions and personal tokens;</li>
 * <li>{@code POST /admin/accounts/users/NAME/approve} and {@code .../refuse}: a signed-up account that waits
 * (archive.account.sign-up) may sign in from now on, or is deleted (204).</li>
 * </ul>
 * Refusals are {@code {"message": "FIELD: why"}} with a 4xx ({@link AccountErrors}). What changes and who
 * changed it is logged by {@link UserAdministration}. Storage and the groups' quotas are
 * {@link AdminStorageResource}'s and {@link AdminGroupsResource}'s (paths of their own: /admin/storage,
 * /admin/groups).
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

    @Inject
    UserAdministration administration;

    @Context
    HttpServletRequest request;

    @GET
    public Directory get() throws SQLException {
        return new Directory(directory.users(), directory.groups());
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws SQLException, IOException {
        JsonObject asked = AccountResource.requestBody(body,
            "{\"name\": \"ada\", \"groups\": [\"plates\"], \"password\": null}");
        JsonValue name = asked.get("name");
        if (!(name instanceof JsonString n)) {
            throw new AccountRefusal(400, "name: give the user's name (a string)");
        }
        JsonValue password = asked.getOrDefault("password", JsonValue.NULL);
        char[] typed = null;
        if (password instanceof JsonString p && !p.getString().isEmpty()) {
            typed = p.getString().toCharArray();
        } else if (password != JsonValue.NULL && !(password instanceof JsonString)) {
            throw new AccountRefusal(400, "password: a string, or null for one the archive generates");
        }
        UserAdministration.Changed created = administration.create(admin(), n.getString(), groups(asked), typed);
        return Response.status(201).entity(created).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PUT
    @Path("users/{name}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response groups(@PathParam("name") String name, InputStream body) throws SQLException, IOException {
        JsonObject asked = AccountResource.requestBody(body, "{\"groups\": [\"plates\", \"curator\"]}");
        return ok(administration.setGroups(admin(), name, groups(asked)));
    }

    @POST
    @Path("users/{name}/disable")
    public Response disable(@PathParam("name") String name) throws SQLException {
        return ok(administration.setDisabled(admin(), name, true));
    }

    @POST
    @Path("users/{name}/enable")
    public Response enable(@PathParam("name") String name) throws SQLException {
        return ok(administration.setDisabled(admin(), name, false));
    }

    @POST
    @Path("users/{name}/password")
    public Response resetPassword(@PathParam("name") String name) throws SQLException {
        return ok(administration.resetPassword(admin(), name));
    }

    @POST
    @Path("users/{name}/revoke")
    public Response revoke(@PathParam("name") String name) throws SQLException {
        return ok(administration.revokeCredentials(admin(), name));
    }

    @POST
    @Path("users/{name}/approve")
    public Response approve(@PathParam("name") String name) throws SQLException {
        return ok(administration.approve(admin(), name));
    }

    @POST
    @Path("users/{name}/refuse")
    public Response refuse(@PathParam("name") String name) throws SQLException {
        administration.refuse(admin(), name);
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The administrator asking, as the audit log names them (the container let only role admin in). */
    private String admin() {
        return admin(request);
    }

    /** The administrator of a request to the admin API, as the logs name them. */
    static String admin(HttpServletRequest request) {
        return CallerName.authenticated(request).orElseThrow(() -> new AccountRefusal(401, "sign in as an administrator"))
            .caller().name();
    }

    private static List<String> groups(JsonObject asked) {
        JsonValue groups = asked.getOrDefault("groups", JsonValue.EMPTY_JSON_ARRAY);
        if (!(groups instanceof JsonArray list)) {
            throw new AccountRefusal(400, "groups: a list of group names");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue g : list) {
            if (!(g instanceof JsonString s)) {
                throw new AccountRefusal(400, "groups: a list of group names (strings)");
            }
            names.add(s.getString());
        }
        return names;
    }

    private static Response ok(Object answer) {
        return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
