package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadRoutingTest {

    @Test
    void readsAreNamedInAnyCaseWithSpaces() {
        assertEquals(EnumSet.allOf(ReadRouting.Read.class), ReadRouting.Read.parse("sync,scs,results"));
        assertEquals(EnumSet.of(ReadRouting.Read.SCS), ReadRouting.Read.parse(" SCS "));
        assertEquals(EnumSet.noneOf(ReadRouting.Read.class), ReadRouting.Read.parse(""));
    }

    @Test
    void anUnknownReadIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ReadRouting.Read.parse("sync,async"));
        assertEquals("archive.db.replica.reads: async is not one of sync, scs, results", e.getMessage());
    }

    @Test
    void aMisspeltSettingSendsEveryReadToThePrimaryRatherThanFailingThem() {
        ReadRouting routing = new ReadRouting();
        routing.url = Optional.of("jdbc:postgresql://replica:5432/archive");
        routing.reads = "sync,cone";
        assertFalse(routing.allows(ReadRouting.Read.SYNC));
        assertEquals(Optional.empty(), routing.note()); // no replica note, and no connection asked for
    }
}
