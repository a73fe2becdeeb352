package org.voarchive.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.DatabaseTypes;
import org.voarchive.metadata.ExampleCheck;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.TableDefinition;

/** Every demo example passes the check the loader makes, against the demo tables as the loader defines them. */
class DemoExamplesTest {

    @Test
    void everyDemoExampleChecksAgainstTheDemoTables() {
        List<TableDefinition> definitions = new ArrayList<>(LoadDemoData.FILES.values().stream().map(CatalogueFormat::table).toList());
        definitions.add(new DemoPlates().table());
        List<PublishedMetadata.Table> tables = definitions.stream().map(DemoExamplesTest::published).toList();
        PublishedMetadata metadata = new PublishedMetadata(List.of(new PublishedMetadata.Schema("demo", null, null, null,
            PublishedMetadata.Publication.NONE, tables)));
        assertEquals(4, DemoExamples.ALL.size());
        for (ExampleRecord e : DemoExamples.ALL) {
            ExampleRecord checked = ExampleCheck.check(e.name(), e, metadata);
            assertNotNull(checked.query(), e.name());
            assertEquals(e.tables(), checked.tables(), e.name());
        }
    }

    private static PublishedMetadata.Table published(TableDefinition t) {
        List<PublishedMetadata.Column> columns = t.columns().stream().map(c -> new PublishedMetadata.Column(c.name(),
            c.name(), c.description(), c.unit(), c.ucd(), null, DatabaseTypes.votable(c.sqlType()), c.principal(), false,
            false, true, false)).toList();
        return new PublishedMetadata.Table(t.schema(), t.name(), "table", null, t.description(), null, null, true,
            columns, List.of(), null, PublishedMetadata.Publication.NONE);
    }
}
