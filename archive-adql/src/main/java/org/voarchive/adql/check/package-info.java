/**
 * Name resolution and typing: the checker resolves every name against a Catalog port (what the caller may
 * see), computes the result columns' metadata, and refuses what ADQL forbids, with line and column.
 */
package org.voarchive.adql.check;
