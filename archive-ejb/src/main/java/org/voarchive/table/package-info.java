/**
 * Tables from outside (TAP uploads, ingest files, datalink loads): the one way to open them with STIL.
 * Every file is checked before STIL reads it, because STIL trusts what it reads: XML entities and
 * {@code STREAM href} would make it read the server's files or fetch URLs, and lengths and sizes
 * declared in the data would make it allocate whatever they say.
 */
package org.voarchive.table;
