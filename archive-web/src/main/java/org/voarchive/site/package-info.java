/**
 * The site's pages for people: the home page, and what every page shares (the layout, the site header, the
 * Content-Security-Policy, HTML escaping).
 */
package org.voarchive.site;
