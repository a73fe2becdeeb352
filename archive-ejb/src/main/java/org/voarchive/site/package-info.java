/**
 * Who the archive is: its name, publisher, contact, base URL and IVOA authority, from the configuration. In
 * archive-web, the same package holds the site's pages for people: the home page and what every page shares
 * (the layout and the header with its Sign-in or caller's-name link, the Content-Security-Policy, HTML
 * escaping).
 */
package org.voarchive.site;
