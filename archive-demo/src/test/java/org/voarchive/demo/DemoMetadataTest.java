package org.voarchive.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.unit.Ucd;
import org.voarchive.adql.unit.VoUnit;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.TableDefinition;

/** The metadata the demo loader publishes is valid UCD1+ and VOUnit. */
class DemoMetadataTest {

    @Test
    void demoUcdsAndUnitsAreValid() {
        List<String> problems = new ArrayList<>();
        for (CatalogueFormat format : LoadDemoData.FILES.values()) {
            for (ColumnDefinition c : format.table().columns()) {
                if (c.ucd() != null) {
                    Ucd.problem(c.ucd()).ifPresent(p -> problems.add(c.name() + ": " + p));
                }
                if (c.unit() != null) {
                    VoUnit.problem(c.unit()).ifPresent(p -> problems.add(c.name() + ": " + p));
                }
            }
        }
        // the position column the loader adds
        Ucd.problem(TableDefinition.POSITION_UCD).ifPresent(p -> problems.add("pos: " + p));
        assertEquals(List.of(), problems);
    }
}
