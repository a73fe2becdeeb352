/**
 * Who the archive is: its name, publisher, contact, base URL and IVOA authority, from the configuration.
 */
package org.voarchive.site;
