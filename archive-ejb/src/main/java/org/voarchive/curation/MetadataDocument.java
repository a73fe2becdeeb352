package org.voarchive.curation;

import java.util.List;
import java.util.Map;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.FunctionRecord;
import org.voarchive.obscore.ObsCoreMapping;

/**
 * The curated metadata of an archive as one JSON document, for moving it
 * between instances (export, then import where the same tables exist).
 *
 * @param format  always {@link #FORMAT}; an import of anything else is refused
 * @param schemas   the schemas' curated metadata; may be absent (documents from before schemas were exported)
 * @param functions the operators' ADQL user-defined functions; may be absent
 * @param examples  the TAP service's DALI examples; may be absent (documents from before examples)
 * @param obscore   the tables mapped to ObsCore (ivoa.obscore itself is generated from them, so neither the ivoa
 *                  schema nor its table is in schemas and tables); may be absent
 */
public record MetadataDocument(String format, List<Schema> schemas, List<Table> tables, List<FunctionRecord> functions,
                               List<ExampleRecord> examples, List<ObsCoreMapping> obscore) {

    public static final String FORMAT = "voarchive-metadata/1";

    /** The same document with the ObsCore mappings. */
    public MetadataDocument withObsCore(List<ObsCoreMapping> mappings) {
        return new MetadataDocument(format, schemas, tables, functions, examples, mappings);
    }

    /**
     * @param groups  who may see the schema when it is PRIVATE
     * @param credits creators, contributors, related identifiers; may be absent
     */
    public record Schema(SchemaRecord schema, List<String> groups, Credits credits) {
    }

    /**
     * @param groups       who may see the table when it is PRIVATE
     * @param columnGroups columns with groups of their own (the others take the table's); may be absent
     * @param credits      creators, contributors, related identifiers; may be absent
     * @param coneSearch   its cone search settings ({@code enabled} false: none); may be absent
     * @param foreignKeys  the curated foreign keys from it (discovery finds the database's again); may be absent
     */
    public record Table(TableRecord table, List<ColumnRecord> columns, List<String> groups,
                        Map<String, List<String>> columnGroups, Credits credits, ConeSearchSettings coneSearch,
                        List<ForeignKeyRecord> foreignKeys) {
    }
}
