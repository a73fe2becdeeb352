/**
 * Usage statistics: how many TAP queries, cone searches and downloads each day, per published table and per
 * masked client network ({@link org.voarchive.usage.MaskedNetwork}), counted off the request's path
 * ({@link org.voarchive.usage.UsageStatistics}) and shown to administrators in the back office's operations page.
 */
package org.voarchive.usage;
