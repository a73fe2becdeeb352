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

    @Test
    void theFreshnessCheckRidesOnTheSetUpsRoundTrip() {
        assertEquals("SELECT set_config(?, ?, true), set_config(?, ?, true)", QueryRoles.setUp(2, false));
        assertEquals("SELECT set_config(?, ?, true), pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= "
            + "CAST(? AS pg_lsn) AS fresh", QueryRoles.setUp(1, true));
    }
}
