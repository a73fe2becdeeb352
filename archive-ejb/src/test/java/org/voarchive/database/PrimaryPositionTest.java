package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrimaryPositionTest {

    private static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }

    private static Optional<WalPosition> at(long value) {
        return Optional.of(new WalPosition(value));
    }

    @Test
    void nothingIsRequiredBeforeTheFirstSampleSoThePrimaryServes() {
        assertEquals(Optional.empty(), new PrimaryPosition().required(seconds(5), 30));
    }

    @Test
    void theOldestSampleWithinTheBoundIsRequired() {
        PrimaryPosition p = new PrimaryPosition();
        p.sample(seconds(0), 1, new WalPosition(100));
        p.sample(seconds(10), 1, new WalPosition(200));
        p.sample(seconds(20), 1, new WalPosition(300));
        assertEquals(at(100), p.required(seconds(25), 30));
        // 100 is now older than the bound: the replica must have what the primary had at 10 s
        assertEquals(at(200), p.required(seconds(35), 30));
        assertEquals(at(300), p.required(seconds(45), 30));
    }

    @Test
    void afterAnIdleSpellNoSampleIsWithinTheBound() {
        PrimaryPosition p = new PrimaryPosition();
        p.sample(seconds(0), 1, new WalPosition(100));
        assertEquals(Optional.empty(), p.required(seconds(31), 30));
        // a request's own generation read is a sample: strict (its own position), never lenient
        p.sample(seconds(31), 1, new WalPosition(500));
        assertEquals(at(500), p.required(seconds(31), 30));
    }

    @Test
    void aNewGenerationsFirstPositionIsRequiredWhateverTheLagBound() {
        PrimaryPosition p = new PrimaryPosition();
        p.sample(seconds(0), 1, new WalPosition(100));
        p.sample(seconds(5), 2, new WalPosition(400)); // the metadata changed: at or before 400
        p.sample(seconds(6), 2, new WalPosition(450));
        assertEquals(at(400), p.required(seconds(6), 30));
        // a read of generation 1 reported late by a slow thread does not take the requirement back
        p.sample(seconds(7), 1, new WalPosition(120));
        assertEquals(at(400), p.required(seconds(7), 30));
        // generation 2 seen again later keeps its first position
        p.sample(seconds(9), 2, new WalPosition(900));
        assertEquals(at(400), p.required(seconds(9), 30));
    }

    @Test
    void oneSamplePerSecondIsKept() {
        PrimaryPosition p = new PrimaryPosition();
        p.sample(seconds(0), 1, new WalPosition(100));
        p.sample(seconds(0.5), 1, new WalPosition(150)); // same second: not kept
        p.sample(seconds(1.2), 1, new WalPosition(200));
        assertEquals(at(100), p.required(seconds(1.5), 30));
        assertEquals(at(200), p.required(seconds(30.6), 30));
    }

    @Test
    void samplesOlderThanTenMinutesGo() {
        PrimaryPosition p = new PrimaryPosition();
        p.sample(seconds(0), 1, new WalPosition(100));
        p.sample(seconds(601), 1, new WalPosition(200));
        assertEquals(at(200), p.required(seconds(601), 900));
    }
}
