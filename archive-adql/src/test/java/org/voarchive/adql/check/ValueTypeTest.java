package org.voarchive.adql.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void textWithAnAnnotatingXtypeIsStillTextButTimestampsAndGeometriesAreNot() {
        assertTrue(ValueType.TEXT.isString());
        assertTrue(new ValueType("char", "*", "uri").isString());
        assertFalse(ValueType.TIMESTAMP.isString());
        assertFalse(new ValueType("char", "*", "point").isString());
        assertFalse(ValueType.POLYGON.isString());
    }
}
