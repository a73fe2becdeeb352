/**
 * VOSI 1.1: availability (with the database's state) and the tableset of what the caller may see; the
 * capabilities documents are written by each service's own capabilities class.
 */
package org.voarchive.vosi;
