package org.voarchive.vosi;

import java.math.BigInteger;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.vosi.xml.tables.ForeignKey;
import org.voarchive.vosi.xml.tables.Table;
import org.voarchive.vosi.xml.tables.TableParam;
import org.voarchive.vosi.xml.tables.TableSchema;
import org.voarchive.vosi.xml.tables.TableSet;
import org.voarchive.vosi.xml.tables.VOTableType;

/**
 * The published metadata as VOSI tables documents (VODataService 1.2), with the
 * same names and types TAP_SCHEMA shows: principal columns carry the flag
 * "primary", indexed ones "indexed", standard ones std="true".
 */
public final class VosiTables {

    /** Above this many columns in all, /tables answers detail=min unless detail=max is asked for. */
    public static final int MAX_DETAIL_COLUMNS = 1000;

    private VosiTables() {
    }

    public static TableSet tableSet(PublishedMetadata metadata, boolean withColumns) {
        TableSet set = new TableSet();
        for (PublishedMetadata.Schema s : metadata.schemas()) {
            TableSchema schema = new TableSchema();
            schema.name = s.name();
            schema.title = s.title();
            schema.description = s.description();
            schema.utype = s.utype();
            s.tables().forEach(t -> schema.tables.add(table(t, withColumns)));
            set.schemas.add(schema);
        }
        return set;
    }

    public static Table table(PublishedMetadata.Table t, boolean withColumns) {
        Table table = new Table();
        table.type = t.type();
        table.name = t.qualifiedName();
        table.title = t.title();
        table.description = t.description();
        table.utype = t.utype();
        table.nrows = t.nrows() == null || t.nrows() < 0 ? null : BigInteger.valueOf(t.nrows());
        if (!withColumns) {
            return table;
        }
        for (PublishedMetadata.Column c : t.columns()) {
            TableParam column = new TableParam();
            column.name = c.tapName();
            column.description = c.description();
            column.unit = c.unit();
            column.ucd = c.ucd();
            column.utype = c.utype();
            column.dataType = new VOTableType(c.type().datatype(), c.type().arraysize(), c.type().xtype());
            if (c.principal()) {
                column.flags.add("primary");
            }
            if (c.indexed()) {
                column.flags.add("indexed");
            }
            column.std = c.std() ? Boolean.TRUE : null;
            table.columns.add(column);
        }
        for (PublishedMetadata.ForeignKey k : t.foreignKeys()) {
            ForeignKey key = new ForeignKey();
            key.targetTable = k.targetTable();
            for (int i = 0; i < k.fromColumns().size(); i++) {
                ForeignKey.FKColumn column = new ForeignKey.FKColumn();
                column.fromColumn = k.fromColumns().get(i);
                column.targetColumn = k.targetColumns().get(i);
                key.fkColumns.add(column);
            }
            key.description = k.description();
            key.utype = k.utype();
            table.foreignKeys.add(key);
        }
        return table;
    }

    public static int columnCount(PublishedMetadata metadata) {
        return metadata.schemas().stream().flatMap(s -> s.tables().stream()).mapToInt(t -> t.columns().size()).sum();
    }
}
