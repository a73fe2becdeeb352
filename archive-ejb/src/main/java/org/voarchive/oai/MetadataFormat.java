package org.voarchive.oai;

/** A metadata format of the repository (ListMetadataFormats, OAI-PMH 2.0 section 4.4), offered by its record sources. */
public record MetadataFormat(String prefix, String schema, String namespace) {

    /** The one format every OAI-PMH repository offers (section 3.4), written with {@link OaiDublinCore}. */
    public static final MetadataFormat OAI_DC = new MetadataFormat("oai_dc",
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OaiDublinCore.OAI_DC);

    /** A set (ListSets, OAI-PMH 2.0 section 4.6). */
    public record Set(String spec, String name) {
    }
}
