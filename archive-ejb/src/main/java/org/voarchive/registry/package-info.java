/**
 * The publishing registry's VOResource records (authority, registry, TAP, datalink, web, cone searches) and
 * their OAI-PMH record source (set ivo_managed).
 */
package org.voarchive.registry;
