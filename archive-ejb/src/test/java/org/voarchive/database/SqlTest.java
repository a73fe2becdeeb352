package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void identifiersAreDelimitedAndDoubleQuotesDoubled() {
        assertEquals("\"bsc5\"", Sql.identifier("bsc5"));
        assertEquals("\"Mixed Case\"", Sql.identifier("Mixed Case"));
        assertEquals("\"a\"\"; DROP TABLE x; --\"", Sql.identifier("a\"; DROP TABLE x; --"));
        assertEquals("\"demo\".\"bsc5\"", Sql.identifier("demo", "bsc5"));
    }

    @Test
    void literalsDoubleSingleQuotes() {
        assertEquals("'it''s'", Sql.literal("it's"));
        assertEquals("NULL", Sql.literal(null));
    }

    @Test
    void unusableNamesAndValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier(""));
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal("a\0b"));
    }

    @Test
    void migrationRoleNamesMustBePlainIdentifiers() {
        assertEquals("archive_app", Migrations.roleName("archive_app"));
        assertThrows(IllegalArgumentException.class, () -> Migrations.roleName("app; DROP SCHEMA archive"));
        assertThrows(IllegalArgumentException.class, () -> Migrations.roleName("App"));
        assertThrows(IllegalArgumentException.class, () -> Migrations.roleName(null));
        // anonymous callers' role: derived, and a name PostgreSQL would not cut short (63 bytes)
        assertEquals("archive_query_public", Migrations.publicQueryRole("archive_query"));
        assertEquals(63, Migrations.publicQueryRole("q".repeat(56)).length());
        assertThrows(IllegalArgumentException.class, () -> Migrations.publicQueryRole("q".repeat(57)));
    }
}
