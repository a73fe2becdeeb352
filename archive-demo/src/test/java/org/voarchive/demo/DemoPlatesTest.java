package org.voarchive.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;
import org.voarchive.obscore.ObsCoreColumn;
import org.voarchive.obscore.ObsCoreRules;
import org.voarchive.obscore.ObsCoreSource;
import org.voarchive.obscore.SourceTable;

class DemoPlatesTest {

    /** demo.plates as the ObsCore rules see it once published: every column public. */
    private static SourceTable plates() {
        Map<String, SourceTable.Column> columns = new LinkedHashMap<>();
        columns.put("plate_id", new SourceTable.Column("plate_id", ValueType.TEXT, true));
        columns.put("ra", new SourceTable.Column("ra", ValueType.DOUBLE, true));
        columns.put("dec", new SourceTable.Column("dec", ValueType.DOUBLE, true));
        columns.put("obs_date", new SourceTable.Column("obs_date", ValueType.TIMESTAMP, true));
        columns.put("exposure", new SourceTable.Column("exposure", ValueType.FLOAT, true));
        columns.put("emulsion", new SourceTable.Column("emulsion", ValueType.TEXT, true));
        columns.put("field", new SourceTable.Column("field", ValueType.TEXT, true));
        columns.put("footprint", new SourceTable.Column("footprint", ValueType.POLYGON, true));
        return new SourceTable("demo", "plates", true, columns);
    }

    @Test
    void theObsCoreMappingOfTheLoaderPassesTheRules() {
        Map<ObsCoreColumn, ObsCoreSource> checked = ObsCoreRules.check(DemoPlates.obsCore(), plates());
        assertEquals(List.of("plate_id", "field", "ra", "dec", "footprint", "obs_date", "exposure"),
            ObsCoreRules.sourceColumns(checked));
    }

    @Test
    void everyColumnTheMappingReadsIsOneTheLoaderCreates() {
        List<String> created = new DemoPlates().table().columns().stream().map(org.voarchive.table.ColumnDefinition::name).toList();
        for (String column : ObsCoreRules.sourceColumns(ObsCoreRules.check(DemoPlates.obsCore(), plates()))) {
            assertEquals(true, created.contains(column), column + " in " + created);
        }
    }
}
