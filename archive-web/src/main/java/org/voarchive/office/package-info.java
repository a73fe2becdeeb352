/**
 * The back office: the operators' pages under {@code /admin} (the schemas and tables to discover, describe,
 * publish and decide access for; the DOIs and their DataCite records; datalink loads previewed before they are
 * applied; the curated metadata's export and import; the users and groups; operations: job queues, usage,
 * users' storage with the groups' quotas, maintenance, table statistics, OAI-PMH, with their own admin API in {@code OperationsResource}), for the roles
 * {@code curator} and {@code admin} ({@code security.Roles}). The pages are clients of the admin API ({@code curation.AdminMetadataResource},
 * {@code account.AdminAccountsResource}): this package renders their frame (in {@code site.PageLayout}, under
 * {@code site.PagePolicy}) and lets in who may enter; the bundled script office.js (from
 * {@code src/main/portal}) reads and edits through the API, which the container's constraints guard like
 * any client's (WEB-INF/web.xml).
 */
package org.voarchive.office;
