package org.voarchive.ingest;

import org.voarchive.curation.Curation;
import org.voarchive.curation.MetadataDiscovery;
import org.voarchive.database.Transactions;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.TableDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a load: discovers the loaded tables' schemas into the metadata, adds
 * what the loader knows (units, UCDs, principal columns; only where still
 * empty), and publishes if asked, all in one transaction. It runs in the server (ingest jobs) and in the
 * commands alike, so it says what it found to its caller rather than to standard output.
 */
public final class Registration {

    private Registration() {
    }

    /** @return what discovery found, by schema */
    public static Map<String, MetadataDiscovery.Result> register(Connection c, List<TableDefinition> tables, boolean publish)
            throws SQLException {
        return Transactions.inTransaction(c, () -> {
            Map<String, MetadataDiscovery.Result> found = new LinkedHashMap<>();
            for (String schema : tables.stream().map(TableDefinition::schema).distinct().toList()) {
                found.put(schema, new MetadataDiscovery(c).discover(schema));
            }
            Curation curation = new Curation(c);
            for (TableDefinition t : tables) {
                for (ColumnDefinition col : t.columns()) {
                    curation.describeColumn(t.schema(), t.name(), col.name(), col.unit(), col.ucd(), col.principal());
                }
                if (t.hasPosition()) {
                    curation.describeColumn(t.schema(), t.name(), TableDefinition.POSITION_COLUMN,
                        TableDefinition.POSITION_UNIT, TableDefinition.POSITION_UCD, false);
                }
                if (publish) {
                    curation.publish(t.schema(), t.name());
                }
            }
            return found;
        });
    }

    /** What {@link #register} found, as the commands print it. */
    public static String summary(Map<String, MetadataDiscovery.Result> found) {
        StringBuilder s = new StringBuilder();
        found.forEach((schema, r) -> s.append(String.format("metadata: %d tables, %d columns in schema %s%n",
            r.tables(), r.columns(), schema)));
        return s.toString();
    }
}
