package org.voarchive.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who runs this archive and where it lives: the facts every page, VOSI and
 * registry document states about the site. Defaults are in
 * META-INF/microprofile-config.properties; operators override them with
 * ARCHIVE_* environment variables.
 */
@ApplicationScoped
public class SiteIdentity {

    @Inject
    @ConfigProperty(name = "archive.site.name")
    String name;

    @Inject
    @ConfigProperty(name = "archive.site.publisher")
    String publisher;

    @Inject
    @ConfigProperty(name = "archive.site.contact.name")
    String contactName;

    @Inject
    @ConfigProperty(name = "archive.site.contact.email")
    String contactEmail;

    @Inject
    @ConfigProperty(name = "archive.site.authority")
    String authority;

    @Inject
    @ConfigProperty(name = "archive.base-url")
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

    /** The public base URL without a trailing slash; endpoint URLs are built on it. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
