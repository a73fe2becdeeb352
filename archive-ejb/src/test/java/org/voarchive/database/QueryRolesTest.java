package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryRolesTest {

    @Test
    void anonymousCallersRoleIsTheQueryRolesPublicRole() {
        QueryRoles roles = new QueryRoles();
        roles.queryRole = "archive_query";
        assertEquals("archive_query_public", roles.anonymousRole());
        roles.queryRole = "tap_reader";
        assertEquals("tap_reader_public", roles.anonymousRole());
    }

    @Test
    void theRoleIsSetForTheTransactionOnlyAndQuoted() {
        assertEquals("SET LOCAL ROLE \"archive_query_public\"", QueryRoles.setLocalRole("archive_query_public"));
    }
}
