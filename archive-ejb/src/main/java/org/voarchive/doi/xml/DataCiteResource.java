package org.voarchive.doi.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** {@code resource}: one DataCite kernel 4.5 record. Empty lists are left out. */
@XmlRootElement(name = "resource")
@XmlType(name = "", propOrder = {"identifier", "creators", "titles", "publisher", "publicationYear", "resourceType",
    "subjects", "contributors", "dates", "language", "alternateIdentifiers", "relatedIdentifiers", "sizes", "formats",
    "version", "rightsList", "descriptions"})
@XmlAccessorType(XmlAccessType.FIELD)
public class DataCiteResource {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    public static final String SCHEMA_LOCATION = NAMESPACE + " http://schema.datacite.org/meta/kernel-4.5/metadata.xsd";
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(DataCiteResource.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public Identifier identifier;
    @XmlElementWrapper(name = "creators")
    @XmlElement(name = "creator")
    public List<Creator> creators = new ArrayList<>();
    @XmlElementWrapper(name = "titles")
    @XmlElement(name = "title")
    public List<Title> titles = new ArrayList<>();
    public Publisher publisher;
    public String publicationYear;
    public ResourceType resourceType;
    @XmlElementWrapper(name = "subjects")
    @XmlElement(name = "subject")
    public List<Subject> subjects;
    @XmlElementWrapper(name = "contributors")
    @XmlElement(name = "contributor")
    public List<Contributor> contributors;
    @XmlElementWrapper(name = "dates")
    @XmlElement(name = "date")
    public List<Date> dates;
    public String language;
    @XmlElementWrapper(name = "alternateIdentifiers")
    @XmlElement(name = "alternateIdentifier")
    public List<AlternateIdentifier> alternateIdentifiers;
    @XmlElementWrapper(name = "relatedIdentifiers")
    @XmlElement(name = "relatedIdentifier")
    public List<RelatedIdentifier> relatedIdentifiers;
    @XmlElementWrapper(name = "sizes")
    @XmlElement(name = "size")
    public List<String> sizes;
    @XmlElementWrapper(name = "formats")
    @XmlElement(name = "format")
    public List<String> formats;
    public String version;
    @XmlElementWrapper(name = "rightsList")
    @XmlElement(name = "rights")
    public List<Rights> rightsList;
    @XmlElementWrapper(name = "descriptions")
    @XmlElement(name = "description")
    public List<Description> descriptions;

    /** The record as UTF-8 XML; {@code fragment}: without the XML declaration (to embed it in OAI-PMH). */
    public byte[] toXml(boolean fragment) {
        try {
            Marshaller m = marshaller(fragment);
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(this, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("the DataCite record cannot be written", e);
        }
    }

    /** A marshaller of records with the schema location set (OAI-PMH embeds records with one). */
    public static Marshaller marshaller(boolean fragment) throws JAXBException {
        Marshaller m = CONTEXT.createMarshaller();
        m.setProperty(Marshaller.JAXB_SCHEMA_LOCATION, SCHEMA_LOCATION);
        m.setProperty(Marshaller.JAXB_FRAGMENT, fragment);
        return m;
    }

    /** Text with attributes of DataCite's simple-content elements. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Identifier {
        @XmlAttribute(required = true)
        public String identifierType = "DOI";
        @XmlValue
        public String value;

        public Identifier() {
        }

        public Identifier(String doi) {
            value = doi;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Name {
        @XmlAttribute
        public String nameType;
        @XmlValue
        public String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class NameIdentifier {
        @XmlAttribute(required = true)
        public String nameIdentifierScheme;
        @XmlAttribute
        public String schemeURI;
        @XmlValue
        public String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Affiliation {
        @XmlAttribute
        public String affiliationIdentifier;
        @XmlAttribute
        public String affiliationIdentifierScheme;
        @XmlAttribute
        public String schemeURI;
        @XmlValue
        public String value;
    }

    @XmlType(propOrder = {"creatorName", "givenName", "familyName", "nameIdentifiers", "affiliations"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Creator {
        public Name creatorName;
        public String givenName;
        public String familyName;
        @XmlElement(name = "nameIdentifier")
        public List<NameIdentifier> nameIdentifiers = new ArrayList<>();
        @XmlElement(name = "affiliation")
        public List<Affiliation> affiliations = new ArrayList<>();
    }

    @XmlType(propOrder = {"contributorName", "givenName", "familyName", "nameIdentifiers", "affiliations"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Contributor {
        @XmlAttribute(required = true)
        public String contributorType;
        public Name contributorName;
        public String givenName;
        public String familyName;
        @XmlElement(name = "nameIdentifier")
        public List<NameIdentifier> nameIdentifiers = new ArrayList<>();
        @XmlElement(name = "affiliation")
        public List<Affiliation> affiliations = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Title {
        @XmlAttribute
        public String titleType;
        @XmlValue
        public String value;

        public Title() {
        }

        public Title(String value, String titleType) {
            this.value = value;
            this.titleType = titleType;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Publisher {
        @XmlValue
        public String value;

        public Publisher() {
        }

        public Publisher(String value) {
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class ResourceType {
        @XmlAttribute(required = true)
        public String resourceTypeGeneral;
        @XmlValue
        public String value;

        public ResourceType() {
        }

        public ResourceType(String general, String value) {
            this.resourceTypeGeneral = general;
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Subject {
        @XmlAttribute
        public String subjectScheme;
        @XmlAttribute
        public String schemeURI;
        @XmlValue
        public String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Date {
        @XmlAttribute(required = true)
        public String dateType;
        @XmlValue
        public String value;

        public Date() {
        }

        public Date(String dateType, String value) {
            this.dateType = dateType;
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class AlternateIdentifier {
        @XmlAttribute(required = true)
        public String alternateIdentifierType;
        @XmlValue
        public String value;

        public AlternateIdentifier() {
        }

        public AlternateIdentifier(String type, String value) {
            this.alternateIdentifierType = type;
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class RelatedIdentifier {
        @XmlAttribute(required = true)
        public String relatedIdentifierType;
        @XmlAttribute(required = true)
        public String relationType;
        @XmlAttribute
        public String resourceTypeGeneral;
        @XmlValue
        public String value;

        public RelatedIdentifier() {
        }

        public RelatedIdentifier(String type, String relation, String value) {
            this.relatedIdentifierType = type;
            this.relationType = relation;
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Rights {
        @XmlAttribute
        public String rightsURI;
        @XmlAttribute
        public String rightsIdentifier;
        @XmlAttribute
        public String rightsIdentifierScheme;
        @XmlValue
        public String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Description {
        @XmlAttribute(required = true)
        public String descriptionType;
        @XmlValue
        public String value;

        public Description() {
        }

        public Description(String type, String value) {
            this.descriptionType = type;
            this.value = value;
        }
    }
}
