package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeptSchemasTest {

    /** What V26's archive.kept_results_schema accepts. */
    private static void assertUsable(String schema) {
        assertTrue(schema.matches("user_[a-z0-9_]+"), schema);
        assertTrue(schema.getBytes(StandardCharsets.UTF_8).length <= 63, schema);
        assertTrue(KeptSchemas.isKept(schema), schema);
    }

    @Test
    void plainLoginsKeepTheirName() {
        assertEquals("user_alice", KeptSchemas.userSchema("alice"));
        assertEquals("user_bob_2", KeptSchemas.userSchema("bob_2"));
    }

    @Test
    void upperCaseAndOtherCharactersAreReplacedAndTheLoginHashed() {
        String mixed = KeptSchemas.userSchema("Alice");
        assertUsable(mixed);
        assertTrue(mixed.startsWith("user_alice_"), mixed);
        assertNotEquals(KeptSchemas.userSchema("alice"), mixed, "Alice and alice share no schema");
        String dotted = KeptSchemas.userSchema("a.b");
        String dashed = KeptSchemas.userSchema("a-b");
        assertTrue(dotted.startsWith("user_a_b_") && dashed.startsWith("user_a_b_"), dotted + " " + dashed);
        assertNotEquals(dotted, dashed);
        assertNotEquals(KeptSchemas.userSchema("a_b"), dotted, "a_b keeps its name; a.b is hashed");
        for (String odd : List.of("Ünïcödé", "星", "x\"; DROP SCHEMA archive; --", "a b", "e\u0301", "\u0000nul")) {
            assertUsable(KeptSchemas.userSchema(odd));
        }
    }

    @Test
    void longLoginsAreCutToAnIdentifierAndStayApart() {
        String base = "a".repeat(58); // user_ + 58 = 63: still a plain name
        assertEquals("user_" + base, KeptSchemas.userSchema(base));
        String longer = KeptSchemas.userSchema(base + "b");
        String other = KeptSchemas.userSchema(base + "c");
        assertUsable(longer);
        assertUsable(other);
        assertEquals(63, longer.length());
        assertNotEquals(longer, other, "logins that differ only past the cut share no schema");
        assertUsable(KeptSchemas.userSchema("Ü".repeat(200)));
    }

    @Test
    void manyLoginsGetManySchemas() {
        Set<String> schemas = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            schemas.add(KeptSchemas.userSchema("user." + i));
            schemas.add(KeptSchemas.userSchema("user-" + i));
            schemas.add(KeptSchemas.userSchema("USER_" + i));
            schemas.add(KeptSchemas.userSchema("user_" + i));
        }
        assertEquals(8000, schemas.size());
    }

    @Test
    void anonymousResultsHaveTheirOwnSchemaAndEveryJobItsTable() {
        assertEquals("anonymous_results", KeptSchemas.of(null));
        assertEquals("user_alice", KeptSchemas.of("alice"));
        assertEquals("anonymous_results.job_0123456789abcdef01234567",
            KeptSchemas.table(null, "0123456789abcdef01234567").toString());
        assertTrue(KeptSchemas.isKept("anonymous_results"));
        assertTrue(KeptSchemas.isKept("USER_X"));
        assertFalse(KeptSchemas.isKept("demo"));
        assertFalse(KeptSchemas.isKept("users"));
        assertThrows(IllegalArgumentException.class, () -> KeptSchemas.userSchema(""));
    }
}
