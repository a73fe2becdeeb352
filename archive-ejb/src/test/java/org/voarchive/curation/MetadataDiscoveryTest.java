package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.InvalidField;

class MetadataDiscoveryTest {

    @Test
    void systemSchemasAreRefusedWithTheReason() {
        for (String schema : List.of("pg_catalog", "information_schema", "archive", "tap_schema", "TAP_SCHEMA", "pg_toast",
                "pg_temp_3", "pg_toast_temp_3", "PG_Catalog", "tap_upload")) {
            InvalidField e = assertThrows(InvalidField.class, () -> MetadataDiscovery.refuseSystemSchema(schema), schema);
            assertEquals("schema", e.field());
            assertTrue(e.getMessage().startsWith(schema + " cannot be discovered") && e.getMessage().contains("it is "),
                e.getMessage());
        }
    }

    @Test
    void dataSchemasAreNot() {
        for (String schema : List.of("demo", "gaia_dr3", "archive_data", "my_pg_stuff", "public")) {
            assertDoesNotThrow(() -> MetadataDiscovery.refuseSystemSchema(schema), schema);
        }
    }
}
