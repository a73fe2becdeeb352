/**
 * The command-line ADQL checker: parse and check a query against a catalogue file, without a server.
 */
package org.voarchive.adql.cli;
