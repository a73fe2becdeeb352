package org.voarchive.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who runs this archive and where it lives: the facts every page, VOSI and
 * registry document states about the site. The defaults suit the local
 * set-up; operators override them with ARCHIVE_* environment variables
 * (archive.site.name is ARCHIVE_SITE_NAME). Each key's default is written at
 * its injection point, the one place it is read.
 */
@ApplicationScoped
public class SiteIdentity {

    @Inject
    @ConfigProperty(name = "archive.site.name", defaultValue = "VO Archive Server (local demo)")
    String name;

    @Inject
    @ConfigProperty(name = "archive.site.publisher", defaultValue = "Local demo site")
    String publisher;

    @Inject
    @ConfigProperty(name = "archive.site.contact.name", defaultValue = "Archive operations")
    String contactName;

    @Inject
    @ConfigProperty(name = "archive.site.contact.email", defaultValue = "archive@archive.localhost")
    String contactEmail;

    @Inject
    @ConfigProperty(name = "archive.site.authority", defaultValue = "ivo://archive.localhost")
    String authority;

    @Inject
    @ConfigProperty(name = "archive.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    public String name() {
        return name;
    }

    public String publisher() {
        return publisher;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    /** The IVOA naming authority, e.g. {@code ivo://example.org}. */
    public String authority() {
        return authority;
    }

    /** The paths, under the authority, of the services' records in the publishing registry (registry.VoResources). */
    public static final String TAP = "/tap";
    public static final String DATALINK = "/datalink";

    /**
     * The IVOA identifier of one of the archive's resources: the authority and the resource's path ({@link #TAP},
     * {@link #DATALINK}, a cone search's path). Results name their service by it, so it must be the registry's.
     */
    public String ivoid(String path) {
        return authority + path;
    }

    /** The public base URL without a trailing slash; endpoint URLs are built on it. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
