/**
 * The IVOA vocabularies checked when metadata is curated: VOUnit (units and conversions, also for
 * IN_UNIT) and UCD1+ (the Endorsed Note's word list and its position rules).
 */
package org.voarchive.adql.unit;
