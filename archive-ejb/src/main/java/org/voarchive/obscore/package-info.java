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
 * <p>Access, decided in one place: ivoa.obscore is public, so it shows only data that are public. Only
 * tables published with PUBLIC data and metadata (and PUBLIC source columns) can be mapped, and every
 * SELECT of the view carries a condition on the metadata, evaluated at query time, that hides the table's
 * rows as soon as it, its schema or a column it reads stops being so: the view runs with its owner's
 * privileges, so the query roles' own grants would not stop it.
 */
package org.voarchive.obscore;
