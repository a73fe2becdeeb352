package org.voarchive.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdminStorageResourceTest {

    @Test
    void theShareUsedIsAPercentToOneDecimal() {
        assertEquals(0.0, AdminStorageResource.percent(0, 1000));
        assertEquals(33.3, AdminStorageResource.percent(1, 3));
        assertEquals(150.0, AdminStorageResource.percent(1500, 1000), "over the limit: more than 100");
        assertEquals(100.0, AdminStorageResource.percent(1, 0), "anything stored with no room at all");
        assertEquals(0.0, AdminStorageResource.percent(0, 0));
    }

}
