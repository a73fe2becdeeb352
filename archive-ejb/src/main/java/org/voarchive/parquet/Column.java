package org.voarchive.parquet;

/**
 * One column of a Parquet file: a nullable value, or a nullable one-dimensional array of values written as
 * the standard three-level LIST ({@code optional group name (LIST) { repeated group list { element } }}), whose
 * elements are nullable only for strings (numeric and boolean arrays cannot hold nulls).
 */
public record Column(String name, ValueType type, boolean array) {

    private static final int OPTIONAL = 1;
    private static final int REQUIRED = 0;
    private static final int REPEATED = 2;

    /** The column of a Java cell class: a boxed scalar or String, or an array of primitives or Strings. */
    public static Column of(String name, Class<?> cellClass) {
        return cellClass.isArray() ? new Column(name, ValueType.of(cellClass.getComponentType()), true)
            : new Column(name, ValueType.of(cellClass), false);
    }

    /** The highest definition level: the column's own nullability, plus the list's and its elements' for arrays. */
    int maxDefinitionLevel() {
        return array ? (elementNullable() ? 3 : 2) : 1;
    }

    int maxRepetitionLevel() {
        return array ? 1 : 0;
    }

    boolean elementNullable() {
        return type == ValueType.STRING;
    }

    /** The path of the leaf that holds the values. */
    String[] path() {
        return array ? new String[] {name, "list", "element"} : new String[] {name};
    }

    /** This column's SchemaElements, depth first, as list elements of FileMetaData's schema. */
    void writeSchema(ThriftCompactWriter t) {
        if (!array) {
            t.beginStruct().i32(1, type.physicalType()).i32(3, OPTIONAL).string(4, name);
            type.writeAnnotations(t);
            t.endStruct();
            return;
        }
        t.beginStruct().i32(3, OPTIONAL).string(4, name).i32(5, 1).i32(6, ValueType.CONVERTED_LIST)
            .beginStruct(10).beginStruct(3).endStruct().endStruct().endStruct();
        t.beginStruct().i32(3, REPEATED).string(4, "list").i32(5, 1).endStruct();
        t.beginStruct().i32(1, type.physicalType()).i32(3, elementNullable() ? OPTIONAL : REQUIRED).string(4, "element");
        type.writeAnnotations(t);
        t.endStruct();
    }

    /** How many SchemaElements {@link #writeSchema} writes. */
    int schemaElements() {
        return array ? 3 : 1;
    }
}
