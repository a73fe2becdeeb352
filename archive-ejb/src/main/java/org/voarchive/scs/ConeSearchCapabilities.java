package org.voarchive.scs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.scs.xml.ConeSearchCapability;
import org.voarchive.site.SiteIdentity;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.capabilities.ParamHttp;

/**
 * The VOSI capabilities of one table's cone search: a {@code cs:ConeSearch}
 * with the limits from its settings, and the VOSI endpoints beside it.
 */
@ApplicationScoped
public class ConeSearchCapabilities {

    @Inject
    SiteIdentity site;

    @Inject
    ConeSearchService service;

    /** The cone search's base URL, with the capabilities and availability resources below it. */
    public String baseUrl(PublishedMetadata.Table table) {
        return site.baseUrl() + ConeSearchService.path(table.schema(), table.name());
    }

    public byte[] document(PublishedMetadata.Table table) {
        Capabilities doc = new Capabilities();
        doc.capabilities.addAll(capabilities(table));
        return doc.toXml(ConeSearchCapability.class);
    }

    /** The cone search capability and the VOSI ones, as the capabilities document and the registry record list them. */
    public java.util.List<Capability> capabilities(PublishedMetadata.Table table) {
        String base = baseUrl(table);
        return java.util.List.of(capability(table),
            new Capability("ivo://ivoa.net/std/VOSI#capabilities", ParamHttp.at(base + "/capabilities", "full")),
            new Capability("ivo://ivoa.net/std/VOSI#availability", ParamHttp.at(base + "/availability", "full")));
    }

    /** The capability alone, as the registry record of the service shows it too. */
    public ConeSearchCapability capability(PublishedMetadata.Table table) {
        ConeSearchSettings settings = table.coneSearch();
        ConeSearchCapability cs = new ConeSearchCapability();
        cs.standardID = ConeSearchCapability.STANDARD_ID;
        cs.description = "Simple Cone Search over " + table.qualifiedName()
            + (table.title() == null ? "" : " (" + table.title() + ")");
        ParamHttp http = ParamHttp.at(baseUrl(table), "base");
        http.role = "std";
        http.version = "1.03";
        cs.interfaces.add(http);
        cs.maxSR = settings.maxSR() == null ? null : settings.maxSR().floatValue();
        cs.maxRecords = service.maxRecords(settings);
        cs.verbosity = true;
        ConeSearchSettings.TestQuery test = settings.testQuery();
        cs.testQuery = test == null ? null : new ConeSearchCapability.Query(test.ra(), test.dec(), test.sr());
        return cs;
    }
}
