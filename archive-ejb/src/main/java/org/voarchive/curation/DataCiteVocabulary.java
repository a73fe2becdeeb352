package org.voarchive.curation;

import java.util.List;

/**
 * The controlled lists of the DataCite Metadata Schema 4.5 that the curated
 * credits use. Copied from the kernel's include/*.xsd enumerations; a unit
 * test keeps them equal to ../shared/conformance/xsd/datacite/kernel-4.5.
 */
public final class DataCiteVocabulary {

    public static final List<String> RELATION_TYPES = List.of("IsCitedBy", "Cites", "IsSupplementTo",
        "IsSupplementedBy", "IsContinuedBy", "Continues", "IsNewVersionOf", "IsPreviousVersionOf", "IsPartOf",
        "HasPart", "IsPublishedIn", "IsReferencedBy", "References", "IsDocumentedBy", "Documents", "IsCompiledBy",
        "Compiles", "IsVariantFormOf", "IsOriginalFormOf", "IsIdenticalTo", "HasMetadata", "IsMetadataFor",
        "Reviews", "IsReviewedBy", "IsDerivedFrom", "IsSourceOf", "Describes", "IsDescribedBy", "HasVersion",
        "IsVersionOf", "Requires", "IsRequiredBy", "Obsoletes", "IsObsoletedBy", "Collects", "IsCollectedBy");

    public static final List<String> RELATED_IDENTIFIER_TYPES = List.of("ARK", "arXiv", "bibcode", "DOI", "EAN13",
        "EISSN", "Handle", "IGSN", "ISBN", "ISSN", "ISTC", "LISSN", "LSID", "PMID", "PURL", "UPC", "URL", "URN",
        "w3id");

    public static final List<String> CONTRIBUTOR_TYPES = List.of("ContactPerson", "DataCollector", "DataCurator",
        "DataManager", "Distributor", "Editor", "HostingInstitution", "Other", "Producer", "ProjectLeader",
        "ProjectManager", "ProjectMember", "RegistrationAgency", "RegistrationAuthority", "RelatedPerson",
        "ResearchGroup", "RightsHolder", "Researcher", "Sponsor", "Supervisor", "WorkPackageLeader");

    public static final List<String> NAME_TYPES = List.of("Organizational", "Personal");

    public static final List<String> RESOURCE_TYPES_GENERAL = List.of("Audiovisual", "Book", "BookChapter",
        "Collection", "ComputationalNotebook", "ConferencePaper", "ConferenceProceeding", "DataPaper", "Dataset",
        "Dissertation", "Event", "Image", "Instrument", "InteractiveResource", "Journal", "JournalArticle", "Model",
        "OutputManagementPlan", "PeerReview", "PhysicalObject", "Preprint", "Report", "Service", "Software", "Sound",
        "Standard", "StudyRegistration", "Text", "Workflow", "Other");

    private DataCiteVocabulary() {
    }
}
