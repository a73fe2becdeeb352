package org.voarchive.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;

class DatabaseTypesTest {

    @Test
    void postgresTypesAsVotableTypes() {
        assertEquals(ValueType.SHORT, DatabaseTypes.votable("smallint"));
        assertEquals(ValueType.INT, DatabaseTypes.votable("integer"));
        assertEquals(ValueType.LONG, DatabaseTypes.votable("bigint"));
        assertEquals(ValueType.FLOAT, DatabaseTypes.votable("real"));
        assertEquals(ValueType.DOUBLE, DatabaseTypes.votable("double precision"));
        assertEquals(ValueType.BOOLEAN, DatabaseTypes.votable("boolean"));
        assertEquals(ValueType.TEXT, DatabaseTypes.votable("text"));
        assertEquals(new ValueType("unicodeChar", "20*", null), DatabaseTypes.votable("character varying(20)"));
        assertEquals(new ValueType("unicodeChar", "3", null), DatabaseTypes.votable("character(3)"));
        assertEquals(ValueType.TIMESTAMP, DatabaseTypes.votable("timestamp with time zone"));
        assertEquals(ValueType.POINT, DatabaseTypes.votable("spoint"));
        assertEquals(ValueType.CIRCLE, DatabaseTypes.votable("scircle"));
        assertEquals(ValueType.POLYGON, DatabaseTypes.votable("spoly"));
        assertEquals(new ValueType("double", "*", null), DatabaseTypes.votable("double precision[]"));
        assertEquals(new ValueType("unsignedByte", "*", null), DatabaseTypes.votable("bytea"));
    }
}
