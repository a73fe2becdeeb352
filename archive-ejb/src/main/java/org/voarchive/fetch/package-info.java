/**
 * Fetching URLs that callers give (TAP uploads by URL): only http and https,
 * only to public addresses unless the operator allow-lists a URL prefix, each
 * address checked and then connected to exactly (no second DNS lookup), every
 * redirect checked again, within a deadline, a connect timeout and a minimum
 * body rate. Why a fetch failed is for the server log ({@link
 * org.voarchive.fetch.FetchException}); callers tell clients one generic
 * message, so that answers do not map what listens where.
 */
package org.voarchive.fetch;
