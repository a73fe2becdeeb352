/**
 * The archive's metadata: the curated model of schemas, tables and columns (titles, units, UCDs, access
 * levels and groups, credits, foreign keys, cone-search settings, ADQL functions, examples), its discovery from
 * pg_catalog and admin edits, and the one published read model (PublishedMetadata, cached per caller) that
 * VOSI, ADQL, the registry, landing pages, DataCite and the Data Origin INFOs read.
 */
package org.voarchive.metadata;
