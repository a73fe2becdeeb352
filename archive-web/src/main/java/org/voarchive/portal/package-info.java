/**
 * The portal: the archive's pages for people in a browser, built on its own public interfaces (the query page
 * runs ADQL through {@code /tap/sync}, browses and completes names from {@code /tap/tables}, completes functions
 * from {@code /tap/capabilities}, lists {@code /tap/examples} and runs the tables' cone searches at
 * {@code /scs/...}; the Jobs page and the query page's Run as job use UWS at {@code /tap/async}; the account
 * page signs in and manages tokens through the account API, {@code account.AccountResource}; "My tables" lists
 * the caller's personal tables from {@code /account/storage} and creates, describes, shares, loads and drops
 * them through VOSI tables, {@code /tap/load}, {@code /tap/load-jobs} and {@code /tap/permissions}, as any
 * client does). It owns the page
 * HTML, the front-end assets the Maven build bundles from {@code src/main/portal} into the WAR and serves at
 * stable paths (also the look and script every page shares, site.css and site.js), and the JSON helpers the
 * pages call (the ADQL check, with uploads as TAP takes them). The layout and Content-Security-Policy all pages share are {@code site.PageLayout} and
 * {@code site.PagePolicy}.
 */
package org.voarchive.portal;
