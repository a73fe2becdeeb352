package org.voarchive.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All endpoints are JAX-RS resources under the web module's context root. */
@ApplicationPath("/")
public class ArchiveApplication extends Application {
}
