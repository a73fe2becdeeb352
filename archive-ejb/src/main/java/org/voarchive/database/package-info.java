/**
 * PostgreSQL access: the data sources of the three roles (owner, application, read-only query), Flyway
 * migrations, the query roles' per-caller restriction, cancellation, SQL identifiers, and the classification of
 * database errors into client errors and failures.
 */
package org.voarchive.database;
