package org.voarchive.datalink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.voarchive.site.SiteIdentity;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.capabilities.ParamHttp;

/** The datalink service's VOSI capabilities: {links} 1.1 on ParamHTTP (DataLink 1.1 section 3.1.3), and VOSI. */
@ApplicationScoped
public class DatalinkCapabilities {

    /** The {links} endpoint's path below the base URL. */
    public static final String LINKS_PATH = "/datalink/links";

    @Inject
    SiteIdentity site;

    public byte[] document() {
        Capabilities doc = new Capabilities();
        doc.capabilities.addAll(capabilities());
        return doc.toXml();
    }

    /** The {links} capability and the VOSI ones, as the capabilities document and the registry record list them. */
    public java.util.List<Capability> capabilities() {
        String base = site.baseUrl() + "/datalink";
        ParamHttp links = ParamHttp.at(site.baseUrl() + LINKS_PATH, "base");
        links.role = "std";
        links.version = "1.1";
        Capability datalink = new Capability(LinksWriter.STANDARD_ID, links);
        datalink.description = "Links to the files, DOIs, landing pages and related resources of the archive's objects,"
            + " schemas (ID=schema) and tables (ID=schema.table)";
        return java.util.List.of(datalink,
            new Capability("ivo://ivoa.net/std/VOSI#capabilities", ParamHttp.at(base + "/capabilities", "full")),
            new Capability("ivo://ivoa.net/std/VOSI#availability", ParamHttp.at(base + "/availability", "full")));
    }
}
