/**
 * DALI: what every protocol's responses share. Request parameters under DALI's rules
 * ({@link org.voarchive.dali.DaliParameters}), the errors and their documents, XML and JSON escaping for
 * the documents written by hand, and the IVOA Data Origin INFOs of every result
 * ({@link org.voarchive.dali.DataOrigin}), computed from the published metadata so that a result cites
 * what the landing page and the DataCite record say.
 */
package org.voarchive.dali;
