package org.voarchive.oai;

import java.time.Instant;

/**
 * One harvestable record: what it is here (a schema, table or object ID) and in OAI-PMH.
 *
 * @param setSpec   schemas, tables or objects
 * @param datestamp its last change (or when it went), in seconds
 * @param deleted   gone since harvesters were offered it: its tombstone
 */
public record OaiItem(String id, String setSpec, Instant datestamp, boolean deleted) {
}
