/**
 * ObsCore 1.1 (ObsTAP): the table {@code ivoa.obscore} that every all-VO image search queries, as a view
 * the archive generates over the published tables the operators map to it.
 *
 * <p>A mapping ({@link org.voarchive.obscore.ObsCoreMapping}) says, per ObsCore column, where a table's
 * rows take their values from ({@link org.voarchive.obscore.ObsCoreSource}): a column of the table
 * (optionally times a factor), a constant, the Datalink links URL of an ID column (access_url, with
 * access_format the DataLink MIME type), an MJD of a date column, or an IVOA identifier built from an ID
 * column. {@link org.voarchive.obscore.ObsCoreRules} checks it against the metadata; no SQL is accepted,
 * names are quoted and constants escaped by {@link org.voarchive.obscore.ObsCoreView}, which writes the
 * view: one SELECT per mapped table, UNION ALL, each column cast to its standard type (s_region a
 * pg_sphere spoly, published as {@code adql:REGION} so that ADQL's CONTAINS and INTERSECTS take it).
 *
 * <p>Every change of a mapping rebuilds the view and republishes it with the standard's column metadata
 * (descriptions, units, UCDs, utypes; nothing of the operator's) in the same transaction, on the owner role
 * ({@link org.voarchive.obscore.ObsCoreStore}); the query roles' column grants follow the metadata (V22).
 *
 * <p>Access, decided in one place, the database function {@code ivoa.obscore_source_readable} (V24):
 * ivoa.obscore is public, so it shows only data that are public. Every SELECT of the view calls it with its
 * table and source columns, at query time and once per query, so a table's rows leave the view as soon as
 * it, its schema or a column it reads is no longer published with PUBLIC data and metadata (the view runs
 * with its owner's privileges, so the query roles' own grants would not stop it). The admin API asks the
 * same function before it maps a table, and refuses columns that are not PUBLIC, so that an operator
 * learns at once what the view would hide.
 */
package org.voarchive.obscore;
