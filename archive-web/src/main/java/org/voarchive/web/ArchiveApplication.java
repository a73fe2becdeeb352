package org.voarchive.web;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All endpoints are JAX-RS resources under the web module's context root. */
@ApplicationPath("/")
public class ArchiveApplication extends Application {

    /**
     * No WADL: Jersey would answer /application.wadl (and OPTIONS on every path) with a listing of every
     * resource, the administration API's among them, to anyone; the archive describes its services through
     * VOSI. Its JAXB model would also stay in memory for nothing.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
