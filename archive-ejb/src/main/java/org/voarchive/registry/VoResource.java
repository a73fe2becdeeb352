package org.voarchive.registry;

import java.time.Instant;

/**
 * One VOResource record of the publishing registry (set ivo_managed).
 *
 * @param ivoid     its IVOA identifier, also its OAI-PMH identifier
 * @param xsiType   vg:Authority, vg:Registry, vs:CatalogService, vs:DataService or vr:Service
 * @param created   when it was first published, in seconds
 * @param datestamp its last change, in seconds
 * @param doi       the DOI of what the resource serves (without resolver), its VOResource altIdentifier; or null
 */
public record VoResource(String ivoid, String xsiType, String title, String description, String referenceUrl,
                         Instant created, Instant datestamp, String doi) {

    public VoResource(String ivoid, String xsiType, String title, String description, String referenceUrl,
                      Instant created, Instant datestamp) {
        this(ivoid, xsiType, title, description, referenceUrl, created, datestamp, null);
    }
}
