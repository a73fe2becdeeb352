package org.voarchive.oai;

import java.time.Instant;

/**
 * One harvestable record: what it is here (a schema, table or object ID) and in OAI-PMH.
 *
 * @param setSpec   schemas, tables or objects
 * @param datestamp its last change, in seconds
 */
public record OaiItem(String id, String setSpec, Instant datestamp) {
}
