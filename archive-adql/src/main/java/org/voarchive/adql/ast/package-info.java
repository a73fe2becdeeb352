/**
 * The immutable ADQL syntax tree: queries, table references, value expressions and geometry, as the
 * parser builds them and the checker and translator read them.
 */
package org.voarchive.adql.ast;
