/**
 * TAP 1.1: the request rules (TapRequest), the query path shared by sync, async and cone search (parse,
 * check, translate, run on the read-only role, stream), uploads (fetched safely, loaded per query), result
 * writers per format, the capabilities with TAPRegExt, the DALI examples, and async results kept as tables
 * (KeptResults: their owners' to page, sort, download and query again in ADQL; gone with their job).
 */
package org.voarchive.tap;
