package org.voarchive.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonalTokensTest {

    @Test
    void aNameIsOneLineOfAtMost64CharactersStripped() {
        assertEquals("my laptop", PersonalTokens.checkedName("  my laptop "));
        assertEquals("\u00e9".repeat(64), PersonalTokens.checkedName("\u00e9".repeat(64)));
        assertEquals("\uD83D\uDD2D".repeat(64), PersonalTokens.checkedName("\uD83D\uDD2D".repeat(64)), "code points");
        for (String bad : new String[] {null, "", "   ", "x".repeat(65), "two\nlines", "tab\there", "nul\0"}) {
            AccountRefusal e = assertThrows(AccountRefusal.class, () -> PersonalTokens.checkedName(bad), String.valueOf(bad));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("name: "), e.getMessage());
        }
    }
}
