/**
 * The translation of a checked query to PostgreSQL + pg_sphere SQL, every column reference qualified with
 * what the checker resolved it to, so that no name can reach a column the checker did not allow.
 */
package org.voarchive.adql.postgres;
