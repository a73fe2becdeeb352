/**
 * OAI-PMH 2.0: the protocol (verbs, arguments, paging, signed resumption tokens, errors, tombstone retention).
 * What is harvested comes from {@link org.voarchive.oai.RecordSource}s implemented where the records live
 * ({@code doi}: the DOI records; {@code registry}: the VO resources of the publishing registry).
 */
package org.voarchive.oai;
