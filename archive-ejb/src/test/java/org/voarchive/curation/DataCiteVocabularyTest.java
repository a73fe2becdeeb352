package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voarchive.conformance.SchemaValidator;

/** The vocabulary lists equal the enumerations of the DataCite 4.5 schema, in order. */
class DataCiteVocabularyTest {

    private static List<String> enumeration(String type) throws Exception {
        Path xsd = SchemaValidator.conformanceDir().resolve("xsd/datacite/kernel-4.5/include/datacite-" + type + "-v4.xsd");
        Matcher m = Pattern.compile("<xs:enumeration value=\"([^\"]+)\"").matcher(Files.readString(xsd));
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @ParameterizedTest
    @CsvSource({"relationType", "relatedIdentifierType", "contributorType", "nameType", "resourceType"})
    void listsMatchTheSchema(String type) throws Exception {
        List<String> ours = switch (type) {
            case "relationType" -> DataCiteVocabulary.RELATION_TYPES;
            case "relatedIdentifierType" -> DataCiteVocabulary.RELATED_IDENTIFIER_TYPES;
            case "contributorType" -> DataCiteVocabulary.CONTRIBUTOR_TYPES;
            case "nameType" -> DataCiteVocabulary.NAME_TYPES;
            default -> DataCiteVocabulary.RESOURCE_TYPES_GENERAL;
        };
        assertEquals(enumeration(type), ours);
    }
}
