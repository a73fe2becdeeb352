package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.Instant;
import org.voarchive.vosi.xml.InstantAdapter;

/** The UWS job document (JobSummary type, element uws:job). */
@XmlRootElement(name = "job")
@XmlType(name = "JobSummary", propOrder = {"jobId", "runId", "ownerId", "phase", "quote", "creationTime", "startTime",
    "endTime", "executionDuration", "destruction", "parameters", "results", "errorSummary", "jobInfo"})
@XmlAccessorType(XmlAccessType.FIELD)
public class JobSummary {

    @XmlAttribute
    String version = UwsXml.VERSION;

    @XmlElement(required = true)
    String jobId;

    String runId;

    @XmlElement(required = true, nillable = true)
    String ownerId;

    @XmlElement(required = true)
    String phase;

    // the archive cannot predict completion: "don't know" is xsi:nil, as the schema says
    @XmlElement(nillable = true)
    @XmlJavaTypeAdapter(InstantAdapter.class)
    Instant quote;

    @XmlJavaTypeAdapter(InstantAdapter.class)
    Instant creationTime;

    @XmlElement(required = true, nillable = true)
    @XmlJavaTypeAdapter(InstantAdapter.class)
    Instant startTime;

    @XmlElement(required = true, nillable = true)
    @XmlJavaTypeAdapter(InstantAdapter.class)
    Instant endTime;

    @XmlElement(required = true)
    int executionDuration;

    @XmlElement(required = true, nillable = true)
    @XmlJavaTypeAdapter(InstantAdapter.class)
    Instant destruction;

    @XmlElement(name = "parameters")
    Parameters parameters;

    @XmlElement(name = "results", required = true)
    Results results = new Results();

    ErrorSummary errorSummary;

    JobInfo jobInfo;

    /**
     * The queue the job runs in and its progress, in the archive's own namespace (the schema admits any element
     * here): UWS has no place for either.
     */
    @XmlType(name = "", propOrder = {"queue", "progress"})
    @XmlAccessorType(XmlAccessType.FIELD)
    static class JobInfo {

        @XmlElement(namespace = UwsXml.ARCHIVE)
        String queue;

        @XmlElement(namespace = UwsXml.ARCHIVE)
        String progress;
    }

    protected JobSummary() {
        // for JAXB
    }

    JobSummary(String jobId, String phase) {
        this.jobId = jobId;
        this.phase = phase;
    }
}
