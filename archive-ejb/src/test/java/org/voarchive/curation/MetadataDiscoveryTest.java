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

    private static MetadataDiscovery.ColumnFacts facts(String datatype, String arraysize, String xtype, boolean indexed) {
        return new MetadataDiscovery.ColumnFacts(new org.voarchive.adql.check.ValueType(datatype, arraysize, xtype), indexed);
    }

    @Test
    void changesSinceTheLastDiscoveryAreTablesColumnsTypesAndIndexes() {
        java.util.Map<String, java.util.Map<String, MetadataDiscovery.ColumnFacts>> database = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.Map<String, MetadataDiscovery.ColumnFacts>> metadata = new java.util.LinkedHashMap<>();
        database.put("stars", new java.util.LinkedHashMap<>(java.util.Map.of("id", facts("long", null, null, true))));
        database.get("stars").put("mag", facts("double", null, null, false));
        database.get("stars").put("obs", facts("char", "*", "timestamp", true));
        database.put("new_table", java.util.Map.of("a", facts("int", null, null, false)));
        metadata.put("stars", new java.util.LinkedHashMap<>(java.util.Map.of("id", facts("long", null, null, true))));
        metadata.get("stars").put("mag", facts("float", null, null, false));
        metadata.get("stars").put("gone", facts("short", null, null, false));
        metadata.get("stars").put("obs", facts("char", "*", "timestamp", false));
        metadata.put("old_table", java.util.Map.of("b", facts("int", null, null, false), "c", facts("int", null, null, false)));
        assertEquals(List.of(
            new MetadataDiscovery.Change("stars", "mag", MetadataDiscovery.ChangeKind.TYPE_CHANGED, "double", "float"),
            new MetadataDiscovery.Change("stars", "obs", MetadataDiscovery.ChangeKind.INDEX_CHANGED, "indexed", "not indexed"),
            new MetadataDiscovery.Change("stars", "gone", MetadataDiscovery.ChangeKind.COLUMN_REMOVED, null, "short"),
            new MetadataDiscovery.Change("new_table", null, MetadataDiscovery.ChangeKind.TABLE_ADDED, "1 columns", null),
            new MetadataDiscovery.Change("old_table", null, MetadataDiscovery.ChangeKind.TABLE_REMOVED, null, "2 columns")),
            MetadataDiscovery.compare(database, metadata));
        database.get("stars").put("new_column", facts("unicodeChar", "8*", null, false));
        assertEquals(new MetadataDiscovery.Change("stars", "new_column", MetadataDiscovery.ChangeKind.COLUMN_ADDED,
            "unicodeChar[8*]", null), MetadataDiscovery.compare(database, metadata).get(2));
        assertEquals(List.of(), MetadataDiscovery.compare(metadata, metadata));
        assertEquals("char[*] (timestamp)", facts("char", "*", "timestamp", false).typeText());
    }

    @Test
    void theSystemSchemasReasonIsWhatTheRefusalSays() {
        assertEquals(java.util.Optional.empty(), MetadataDiscovery.systemSchemaReason("demo"));
        assertTrue(MetadataDiscovery.systemSchemaReason("pg_catalog").orElseThrow().contains("PostgreSQL"));
    }
}
