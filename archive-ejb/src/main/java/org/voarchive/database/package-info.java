/**
 * PostgreSQL access: the data sources of the three roles (owner, application, read-only query) and of the
 * replicas' query and application roles, which reads may go to a streaming replica and when it is fresh enough
 * (ReadRouting, PrimaryPosition, WalPosition), Flyway migrations, the query roles' per-caller restriction,
 * cancellation, SQL identifiers, and the classification of database errors into client errors and failures.
 */
package org.voarchive.database;
