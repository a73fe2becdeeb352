/**
 * How operators and loaders describe and change the archive's metadata (the write side of
 * {@code org.voarchive.metadata}): discovery from pg_catalog (MetadataDiscovery, with DescriptiveFields'
 * checks), the admin API's edits of schemas, tables, columns, groups, credits (validated against DataCite's
 * vocabularies, ORCID and ROR), cone searches, foreign keys, ADQL functions (planned by PostgreSQL) and
 * examples, with their editable records (SchemaRecord, TableRecord, ColumnRecord, ForeignKeyRecord); the
 * export and import document (MetadataDocument); the loaders' Curation; the refresh of row counts and sizes
 * (TableStatistics); and VersionedObject, the one place that checks and moves a schema's, table's or column's
 * optimistic-lock version on.
 */
package org.voarchive.curation;
