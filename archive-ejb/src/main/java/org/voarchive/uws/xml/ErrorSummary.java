package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A failed job's summary; the detail (an error document) is at /error. */
@XmlType(name = "ErrorSummary")
@XmlAccessorType(XmlAccessType.FIELD)
public class ErrorSummary {

    @XmlAttribute(required = true)
    String type;

    @XmlAttribute(required = true)
    boolean hasDetail;

    @XmlElement(required = true)
    String message;

    protected ErrorSummary() {
        // for JAXB
    }

    ErrorSummary(String type, boolean hasDetail, String message) {
        this.type = type;
        this.hasDetail = hasDetail;
        this.message = message;
    }
}
