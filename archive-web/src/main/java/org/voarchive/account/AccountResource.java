package org.voarchive.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TreeSet;
import org.voarchive.metadata.Caller;
import org.voarchive.security.Logins;
import org.voarchive.tap.KeptSchemas;
import org.voarchive.usertables.PersonalTable;
import org.voarchive.usertables.PersonalTables;
import org.voarchive.web.CallerAuthentication;
import org.voarchive.web.CallerName;
import org.voarchive.web.ClientAddresses;
import org.voarchive.web.SessionCookie;

/**
 * The account API, JSON in and out, never cached:
 * <ul>
 * <li>{@code GET /account/me}: who is calling ({@code authenticated}, {@code name}, {@code groups},
 * {@code credential}: password, token or session).</li>
 * <li>{@code POST /account/sign-in}, form {@code user} and {@code password}: starts a session and sets its cookie
 * ({@link SessionCookie}); a wrong password is a 401, too many a 429, counted like every failed login.</li>
 * <li>{@code POST /account/sign-out}: ends the request's session (its row goes) and clears the cookie.</li>
 * <li>{@code POST /account/sign-up}, form {@code user} and {@code password}: where the site allows it
 * ({@code archive.account.sign-up}), an account that waits for an administrator's approval (202); 404
 * otherwise.</li>
 * <li>{@code GET /account/storage}: what the caller stores and may store ({@link StorageQuotas}), and their personal
 * tables ({@code usertables.PersonalTables}), for the portal's "My tables": {@code schema}, {@code limitBytes},
 * {@code usedBytes}, {@code jobBytes}, {@code maxTables}, {@code tables} (each {@code name} in the schema,
 * {@code rows}, {@code bytes}, {@code created}, {@code origin}, {@code public}, {@code readGroups},
 * {@code indexed}).</li>
 * <li>{@code GET /account/tokens}: the caller's personal tokens without secrets; {@code POST} with
 * {@code {"name": ..., "days": N}} creates one and answers its secret, this once; {@code DELETE
 * /account/tokens/{id}} revokes one.</li>
 * </ul>
 * State changes from other sites' pages are refused before this by {@code web.CrossSiteRequests} (their
 * {@code Origin} is not the archive's), and the session cookie is {@code SameSite=Lax} besides.
 */
@Path("account")
@RequestScoped
public class AccountResource {

    /** A token request is a name and a number: more than this is no token request. */
    static final int MAX_BODY_BYTES = 4096;

    @Inject
    Logins logins;

    @Inject
    Sessions sessions;

    @Inject
    PersonalTokens tokens;

    @Inject
    SessionCookie cookie;

    @Inject
    UserAdministration administration;

    @Inject
    ClientAddresses clients;

    @Inject
    StorageQuotas quotas;

    @Inject
    PersonalTables personalTables;

    @Context
    HttpServletRequest request;

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        return json(200, me(CallerName.authenticated(request).orElse(null)).build()).build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(MultivaluedMap<String, String> form) throws SQLException {
        String user = form.getFirst("user");
        String password = form.getFirst("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new AccountRefusal(400, "user and password: give both to sign in");
        }
        Logins.Outcome outcome = logins.login(user.strip(), password.toCharArray(), clients.of(request));
        if (outcome instanceof Logins.Throttled throttled) {
            return json(429, message("too many failed logins for this user or from this address; try again in "
                + throttled.retryAfterSeconds() + " s")).header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
                .build();
        }
        if (!(outcome instanceof Logins.Valid valid)) {
            // not Basic: a browser would open its own login dialog for the page's fetch
            return json(401, message("wrong user name or password"))
                .header(HttpHeaders.WWW_AUTHENTICATE, CallerAuthentication.SESSION_CHALLENGE).build();
        }
        String previous = cookie.read(request);
        if (previous != null) {
            sessions.end(previous); // one browser, one session: a new sign-in replaces the old one
        }
        Sessions.Started started = sessions.start(valid.caller().name());
        JsonObjectBuilder body = me(new CallerName.Authenticated(valid.caller(), CallerName.Credential.SESSION))
            .add("expires", time(started.expires()));
        return json(200, body.build()).header("Set-Cookie", cookie.set(request, started.secret(), sessions.lifetime()))
            .build();
    }

    @POST
    @Path("sign-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signUp(MultivaluedMap<String, String> form) throws SQLException {
        if (!administration.signUpAllowed()) { // before the form says anything: there is no sign-up here
            throw new AccountRefusal(404, "this archive does not offer to sign up: ask its administrators for an account");
        }
        String user = form.getFirst("user");
        String password = form.getFirst("password");
        if (password == null || password.isEmpty()) {
            throw new AccountRefusal(400, "password: choose one of at least 8 characters");
        }
        administration.signUp(user, password.toCharArray(), clients.of(request));
        return json(202, message("Your account " + user.strip() + " waits for an administrator's approval; you can"
            + " sign in once it is approved")).build();
    }

    @POST
    @Path("sign-out")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signOut() throws SQLException {
        String secret = cookie.read(request);
        if (secret != null) {
            sessions.end(secret);
        }
        return json(200, me(null).build()).header("Set-Cookie", cookie.clear(request)).build();
    }

    @GET
    @Path("storage")
    @Produces(MediaType.APPLICATION_JSON)
    public Response storage() throws SQLException {
        String owner = CallerName.authenticated(request).orElseThrow(() -> new AccountRefusal(401,
            "sign in, or send your user name and password or a token, to see your storage")).caller().name();
        StorageQuotas.Quota quota = quotas.of(owner);
        JsonArrayBuilder tables = Json.createArrayBuilder();
        for (PersonalTable t : personalTables.owned(owner)) {
            JsonArrayBuilder groups = Json.createArrayBuilder();
            t.sharing().readGroups().forEach(groups::add);
            JsonArrayBuilder indexed = Json.createArrayBuilder();
            t.indexed().forEach(indexed::add);
            tables.add(Json.createObjectBuilder().add("name", t.name().table()).add("rows", t.rows())
                .add("bytes", t.bytes()).add("created", time(t.created())).add("origin", t.origin())
                .add("public", t.sharing().isPublic()).add("readGroups", groups).add("indexed", indexed));
        }
        return json(200, Json.createObjectBuilder().add("schema", KeptSchemas.userSchema(owner))
            .add("limitBytes", quota.limit()).add("usedBytes", quota.used()).add("jobBytes", quota.jobBytes())
            .add("maxTables", quota.maxTables()).add("tables", tables).build()).build();
    }

    @GET
    @Path("tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() throws SQLException {
        Caller owner = manager();
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (PersonalTokens.Token t : tokens.list(owner.name())) {
            list.add(token(t));
        }
        return json(200, Json.createObjectBuilder().add("tokens", list).add("maxTokens", tokens.maxPerUser())
            .add("maxDays", tokens.maxDays()).build()).build();
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws SQLException, IOException {
        Caller owner = manager(); // before the body is read: strangers' bodies are not read at all
        JsonObject asked = requestBody(body, "{\"name\": \"laptop\", \"days\": 30}");
        JsonValue name = asked.get("name");
        JsonValue days = asked.get("days");
        if (!(name instanceof JsonString)) {
            throw new AccountRefusal(400, "name: give the token a name (a string)");
        }
        if (!(days instanceof JsonNumber number) || !number.isIntegral()) {
            throw new AccountRefusal(400, "days: give the token's lifetime in whole days (1 to " + tokens.maxDays() + ")");
        }
        int lifetime = number.bigIntegerValue().min(java.math.BigInteger.valueOf(Integer.MAX_VALUE))
            .max(java.math.BigInteger.valueOf(Integer.MIN_VALUE)).intValue();
        PersonalTokens.Created created = tokens.create(owner.name(), ((JsonString) name).getString(), lifetime);
        return json(201, token(created.token()).add("token", created.secret()).build()).build();
    }

    @DELETE
    @Path("tokens/{id: [0-9]{1,18}}")
    public Response revoke(@PathParam("id") long id) throws SQLException {
        tokens.revoke(manager().name(), id);
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * The caller who may manage tokens: one signed in with the password, by the form (a session) or by HTTP
     * Basic. Not a token: a token is made to be copied into scripts, notebooks and configuration files, where it
     * may leak; if it could create tokens, whoever found it could make themselves new ones that outlive its
     * expiry and its revocation (and revoke its owner's others). Only the password, which the owner keeps in
     * their head, makes and ends tokens.
     */
    private Caller manager() {
        CallerName.Authenticated caller = CallerName.authenticated(request).orElseThrow(() -> new AccountRefusal(401,
            "sign in, or send your user name and password (HTTP Basic), to manage your tokens"));
        if (caller.credential() == CallerName.Credential.TOKEN) {
            throw new AccountRefusal(403, "a personal token cannot list, create or revoke tokens: sign in, or use"
                + " your password (HTTP Basic)");
        }
        return caller.caller();
    }

    /** A small JSON object (the account API's requests and the admin API's user changes), or a 4xx. */
    static JsonObject requestBody(InputStream body, String example) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new AccountRefusal(413, "a request here is at most " + MAX_BODY_BYTES + " bytes");
        }
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AccountRefusal(400, "the body is not a JSON object such as " + example);
        }
    }

    private static JsonObjectBuilder me(CallerName.Authenticated caller) {
        JsonObjectBuilder me = Json.createObjectBuilder().add("authenticated", caller != null);
        if (caller == null) {
            return me.addNull("name").add("groups", Json.createArrayBuilder()).addNull("credential");
        }
        JsonArrayBuilder groups = Json.createArrayBuilder();
        new TreeSet<>(caller.caller().groups()).forEach(groups::add);
        return me.add("name", caller.caller().name()).add("groups", groups)
            .add("credential", caller.credential().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static JsonObjectBuilder token(PersonalTokens.Token t) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", t.id()).add("name", t.name())
            .add("created", time(t.created())).add("expires", time(t.expires()));
        Optional.ofNullable(t.lastUsed()).ifPresentOrElse(used -> o.add("lastUsed", time(used)), () -> o.addNull("lastUsed"));
        return o;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonObject message(String text) {
        return Json.createObjectBuilder().add("message", text).build();
    }

    static Response.ResponseBuilder json(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body.toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
