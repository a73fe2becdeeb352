/**
 * The demonstration data (not part of the product, not in the EAR): the BSC5 and KStars catalogues, the
 * plate archive rendered from them, its datalinks, DOIs, examples and ObsCore mapping, loaded by
 * deploy/load-demo-data through the product's own table machinery and curation.
 */
package org.voarchive.demo;
