package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.vosi.xml.InstantAdapter;

/** The job list (element uws:jobs) with one jobref per job. */
@XmlRootElement(name = "jobs")
@XmlType(name = "")
@XmlAccessorType(XmlAccessType.FIELD)
public class JobList {

    @XmlAttribute
    String version = UwsXml.VERSION;

    @XmlElement(name = "jobref")
    List<JobRef> jobs = new ArrayList<>();

    /** A ShortJobDescription. */
    @XmlType(name = "ShortJobDescription", propOrder = {"phase", "runId", "ownerId", "creationTime"})
    @XmlAccessorType(XmlAccessType.FIELD)
    static class JobRef {

        @XmlAttribute(required = true)
        String id;

        @XmlAttribute(name = "href", namespace = UwsXml.XLINK)
        String href;

        @XmlElement(required = true)
        String phase;

        String runId;

        @XmlElement(nillable = true)
        String ownerId;

        @XmlJavaTypeAdapter(InstantAdapter.class)
        Instant creationTime;

        protected JobRef() {
            // for JAXB
        }
    }
}
