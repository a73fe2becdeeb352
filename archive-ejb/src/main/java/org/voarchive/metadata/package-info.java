/**
 * The archive's metadata as it is published and read: the one published read model (PublishedMetadata, the
 * snapshot of schemas, tables, columns, foreign keys, cone searches, credits, ADQL functions and examples a
 * caller may see, cached per kind of caller by PublishedMetadataCache) that VOSI, ADQL, the registry, landing
 * pages, DataCite and the Data Origin INFOs read; who is asking (Caller); the values the snapshot and its
 * readers share (Credits, ConeSearchSettings, FunctionRecord, ExampleRecord, DatabaseTypes' VOTable types);
 * the checks the snapshot applies again to what it reads (ExampleCheck, FunctionCheck); and the exceptions
 * every writer of the metadata throws (InvalidField, VersionConflict).
 *
 * <p>How operators and loaders describe and change the metadata is {@code org.voarchive.curation}'s, which
 * depends on this package and never the other way round.
 */
package org.voarchive.metadata;
