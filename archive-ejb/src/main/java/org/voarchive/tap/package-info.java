/**
 * TAP 1.1: the request rules (TapRequest), the query path shared by sync, async and cone search (parse,
 * check, translate, run on the read-only role, stream), uploads (fetched safely, loaded per query), result
 * writers per format, the capabilities with TAPRegExt, and the DALI examples.
 */
package org.voarchive.tap;
