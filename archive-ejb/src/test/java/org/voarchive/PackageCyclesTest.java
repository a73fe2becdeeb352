package org.voarchive;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.PublishedMetadata;

/**
 * archive-ejb's concept packages depend on each other in one direction only: a cycle between two of them
 * (e.g. metadata and curation, the read and the write side of the metadata) fails the build.
 */
class PackageCyclesTest {

    @Test
    void theConceptPackagesAreFreeOfCycles() throws URISyntaxException {
        // the module's main classes only (not its tests, nor the modules it depends on)
        Path mainClasses = Path.of(PublishedMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses classes = new ClassFileImporter().importPath(mainClasses);
        slices().matching("org.voarchive.(*)..").should().beFreeOfCycles().check(classes);
    }
}
