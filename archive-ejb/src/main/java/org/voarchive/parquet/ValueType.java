package org.voarchive.parquet;

/**
 * The values a column holds, with the Parquet physical type and annotations each is written as. Shorts are
 * INT32 annotated as 16-bit signed integers (Parquet has no smaller physical integer); strings are UTF-8 byte
 * arrays annotated STRING.
 */
public enum ValueType {

    BOOLEAN(0, -1, -1),
    SHORT(1, 16, 16),
    INT(1, -1, -1),
    LONG(2, -1, -1),
    FLOAT(4, -1, -1),
    DOUBLE(5, -1, -1),
    STRING(6, 0, -1);

    /** ConvertedType LIST, the annotation of a LIST group for readers older than LogicalType. */
    static final int CONVERTED_LIST = 3;

    private final int physicalType;
    private final int convertedType;
    private final int intBits;

    ValueType(int physicalType, int convertedType, int intBits) {
        this.physicalType = physicalType;
        this.convertedType = convertedType;
        this.intBits = intBits;
    }

    /** The Thrift {@code Type} of the column's values. */
    int physicalType() {
        return physicalType;
    }

    /** The value type of a Java cell class (boxed scalars and String, as table results hold them). */
    public static ValueType of(Class<?> cellClass) {
        if (cellClass == Boolean.class || cellClass == boolean.class) {
            return BOOLEAN;
        }
        if (cellClass == Short.class || cellClass == short.class) {
            return SHORT;
        }
        if (cellClass == Integer.class || cellClass == int.class) {
            return INT;
        }
        if (cellClass == Long.class || cellClass == long.class) {
            return LONG;
        }
        if (cellClass == Float.class || cellClass == float.class) {
            return FLOAT;
        }
        if (cellClass == Double.class || cellClass == double.class) {
            return DOUBLE;
        }
        if (cellClass == String.class) {
            return STRING;
        }
        throw new IllegalArgumentException("no Parquet type for " + cellClass.getName());
    }

    /** The converted type and logical type fields (6 and 10) of a leaf SchemaElement of this type. */
    void writeAnnotations(ThriftCompactWriter t) {
        if (convertedType >= 0) {
            t.i32(6, convertedType);
        }
        if (this == STRING) {
            t.beginStruct(10).beginStruct(1).endStruct().endStruct(); // LogicalType.STRING
        } else if (intBits > 0) {
            t.beginStruct(10).beginStruct(10).byteField(1, intBits).bool(2, true).endStruct().endStruct();
        }
    }
}
