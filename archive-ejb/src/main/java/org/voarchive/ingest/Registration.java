package org.voarchive.ingest;

import org.voarchive.database.Transactions;
import org.voarchive.metadata.Curation;
import org.voarchive.metadata.MetadataDiscovery;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.TableDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * After a load: discovers the loaded tables' schemas into the metadata, adds
 * what the loader knows (units, UCDs, principal columns; only where still
 * empty), and publishes if asked, all in one transaction.
 */
public final class Registration {

    private Registration() {
    }

    public static void register(Connection c, List<TableDefinition> tables, boolean publish) throws SQLException {
        Transactions.inTransaction(c, () -> {
            for (String schema : tables.stream().map(TableDefinition::schema).distinct().toList()) {
                MetadataDiscovery.Result found = new MetadataDiscovery(c).discover(schema);
                System.out.printf("metadata: %d tables, %d columns in schema %s%n", found.tables(), found.columns(), schema);
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
            return null;
        });
    }
}
