package org.voarchive.tap.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;

/** {@code tr:TableAccess} (TAPRegExt 1.0 section 2): what the TAP service offers and its limits. */
@XmlType(name = "TableAccess", namespace = Capabilities.TAPREGEXT, propOrder = {"dataModels", "languages", "outputFormats",
    "uploadMethods", "retentionPeriod", "executionDuration", "outputLimit", "uploadLimit"})
@XmlAccessorType(XmlAccessType.FIELD)
public class TableAccess extends Capability {

    @XmlElement(name = "dataModel")
    public List<DataModel> dataModels = new ArrayList<>();

    @XmlElement(name = "language")
    public List<Language> languages = new ArrayList<>();

    @XmlElement(name = "outputFormat")
    public List<OutputFormat> outputFormats = new ArrayList<>();

    @XmlElement(name = "uploadMethod")
    public List<UploadMethod> uploadMethods = new ArrayList<>();

    public TimeLimits retentionPeriod;

    public TimeLimits executionDuration;

    public DataLimits outputLimit;

    public DataLimits uploadLimit;

    /** A data model the service's tables implement (TAPRegExt 1.0 section 2.3), e.g. ObsCore. */
    @XmlType(name = "DataModelType", namespace = Capabilities.TAPREGEXT)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class DataModel {
        @XmlAttribute(name = "ivo-id")
        public String ivoId;
        @XmlValue
        public String name;

        public DataModel() {
        }

        public DataModel(String name, String ivoId) {
            this.name = name;
            this.ivoId = ivoId;
        }
    }

    @XmlType(name = "Language", namespace = Capabilities.TAPREGEXT, propOrder = {"name", "versions", "description", "features"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Language {
        public String name;
        @XmlElement(name = "version")
        public List<Version> versions = new ArrayList<>();
        public String description;
        @XmlElement(name = "languageFeatures")
        public List<FeatureList> features = new ArrayList<>();
    }

    @XmlType(name = "Version", namespace = Capabilities.TAPREGEXT)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Version {
        @XmlAttribute(name = "ivo-id")
        public String ivoId;
        @XmlValue
        public String version;

        public Version() {
        }

        public Version(String version, String ivoId) {
            this.version = version;
            this.ivoId = ivoId;
        }
    }

    @XmlType(name = "LanguageFeatureList", namespace = Capabilities.TAPREGEXT)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class FeatureList {
        @XmlAttribute
        public String type;
        @XmlElement(name = "feature")
        public List<Feature> features = new ArrayList<>();
    }

    @XmlType(name = "LanguageFeature", namespace = Capabilities.TAPREGEXT, propOrder = {"form", "description"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Feature {
        public String form;
        public String description;
    }

    @XmlType(name = "OutputFormat", namespace = Capabilities.TAPREGEXT, propOrder = {"mime", "aliases"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OutputFormat {
        @XmlAttribute(name = "ivo-id")
        public String ivoId;
        public String mime;
        @XmlElement(name = "alias")
        public List<String> aliases = new ArrayList<>();
    }

    @XmlType(name = "UploadMethod", namespace = Capabilities.TAPREGEXT)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class UploadMethod {
        @XmlAttribute(name = "ivo-id")
        public String ivoId;

        public UploadMethod() {
        }

        public UploadMethod(String ivoId) {
            this.ivoId = ivoId;
        }
    }

    /** Seconds. */
    @XmlType(name = "TimeLimits", namespace = Capabilities.TAPREGEXT, propOrder = {"defaultValue", "hard"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class TimeLimits {
        @XmlElement(name = "default")
        public Long defaultValue;
        public Long hard;

        public TimeLimits() {
        }

        public TimeLimits(Long defaultValue, Long hard) {
            this.defaultValue = defaultValue;
            this.hard = hard;
        }
    }

    @XmlType(name = "DataLimits", namespace = Capabilities.TAPREGEXT, propOrder = {"defaultValue", "hard"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class DataLimits {
        @XmlElement(name = "default")
        public DataLimit defaultValue;
        public DataLimit hard;

        public DataLimits() {
        }

        public DataLimits(DataLimit defaultValue, DataLimit hard) {
            this.defaultValue = defaultValue;
            this.hard = hard;
        }
    }

    /** A limit in TAPRegExt's DataLimit form: its unit is "row" or "byte". */
    @XmlType(name = "DataLimit", namespace = Capabilities.TAPREGEXT)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class DataLimit {
        @XmlAttribute
        public String unit;
        @XmlValue
        public long value;

        public DataLimit() {
        }

        public DataLimit(long value, String unit) {
            this.value = value;
            this.unit = unit;
        }
    }
}
