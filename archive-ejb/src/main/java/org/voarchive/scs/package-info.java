/**
 * Simple Cone Search 1.03 over any table an operator enables: the request rules, the query through the TAP
 * path, and the capabilities.
 */
package org.voarchive.scs;
