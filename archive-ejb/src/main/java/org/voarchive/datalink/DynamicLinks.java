package org.voarchive.datalink;

import java.util.List;

/**
 * Links computed on request rather than stored: the extension point for an
 * archive whose ID space is too large to store rows for (a CDI bean
 * implementing this is asked about every requested ID, after the stored rows).
 * {@link MetadataLinks} is the archive's own.
 */
public interface DynamicLinks {

    /** @return the links of {@code id} as {@code context}'s caller may see them; empty if the ID is not this one's */
    List<Link> links(String id, LinkContext context);
}
