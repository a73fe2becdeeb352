package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The portal's scripts and styles at stable paths ({@code /portal/assets/query.js}). The application takes
 * every path (JAX-RS at the context root), so the archive serves its assets here, not through the container's
 * default servlet. Browsers revalidate on each use ({@code no-cache}) and get a 304 while the entity tag holds.
 */
@Path(Assets.PATH + "/{name}")
@RequestScoped
public class AssetsResource {

    @Inject
    Assets assets;

    @Context
    Request request;

    @GET
    public Response get(@PathParam("name") String name) {
        Assets.Asset asset = assets.get(name).orElse(null);
        if (asset == null) {
            return Response.status(404).type("text/plain;charset=UTF-8").entity("no such portal asset\n").build();
        }
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        EntityTag tag = new EntityTag(asset.etag());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged
            : Response.ok(asset.bytes(), asset.type()).tag(tag);
        // scripts only as scripts and styles only as styles, whatever a browser would guess
        return response.cacheControl(cache).header("X-Content-Type-Options", "nosniff").build();
    }
}
