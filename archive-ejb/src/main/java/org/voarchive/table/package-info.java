/**
 * Tables from outside (TAP uploads, ingest files, datalink loads, loads into personal tables): the one way to open
 * them with STIL, the one mapping of VOTable types to PostgreSQL's ({@link org.voarchive.table.ColumnTypes}), the
 * one check of column names ({@link org.voarchive.table.ColumnNames}), CSV and TSV read by our own streaming
 * parser ({@link org.voarchive.table.DelimitedRows}, which names bad values by line and column), rows for COPY
 * ({@link org.voarchive.table.RowSource}, {@link org.voarchive.table.CopyEncoder}).
 * Every file is checked before STIL reads it, because STIL trusts what it reads: XML entities and
 * {@code STREAM href} would make it read the server's files or fetch URLs, and lengths and sizes
 * declared in the data would make it allocate whatever they say.
 */
package org.voarchive.table;
