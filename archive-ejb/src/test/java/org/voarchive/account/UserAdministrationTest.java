package org.voarchive.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.security.PasswordHashes;
import org.voarchive.security.Secrets;

class UserAdministrationTest {

    @Test
    void namesAreWhatTheDatabaseAllowsAndRefusalsNameTheField() {
        assertEquals("ada.l@x-1", UserAdministration.checkedName(" ada.l@x-1 "));
        AccountRefusal bad = assertThrows(AccountRefusal.class, () -> UserAdministration.checkedName("ada lovelace"));
        assertEquals(400, bad.status());
        assertTrue(bad.getMessage().startsWith("name: "), bad.getMessage());
        assertThrows(AccountRefusal.class, () -> UserAdministration.checkedName(null));
        assertThrows(AccountRefusal.class, () -> UserAdministration.checkedName("a".repeat(65)));
    }

    @Test
    void groupsAreCheckedSortedAndWithoutRepeats() {
        assertEquals(List.of("curator", "plates"), UserAdministration.checkedGroups(List.of("plates", " curator", "plates")));
        assertEquals(List.of(), UserAdministration.checkedGroups(null));
        AccountRefusal bad = assertThrows(AccountRefusal.class, () -> UserAdministration.checkedGroups(List.of("a@b")));
        assertTrue(bad.getMessage().startsWith("groups: "), bad.getMessage());
    }

    @Test
    void generatedPasswordsSignInAndNeverLookLikeTokens() {
        char[] a = PasswordHashes.generated();
        assertEquals(24, a.length);
        assertFalse(Arrays.equals(a, PasswordHashes.generated()));
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, a));
        assertTrue(PasswordHashes.verify(PasswordHashes.hash(a), a));
    }
}
