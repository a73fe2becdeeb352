package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** uws:results, in the job document and alone at /results. */
@XmlRootElement(name = "results")
@XmlType(name = "")
@XmlAccessorType(XmlAccessType.FIELD)
public class Results {

    @XmlElement(name = "result")
    List<Result> results = new ArrayList<>();

    /** A ResultReference: the result's name, link, size and MIME type. */
    @XmlType(name = "ResultReference")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Result {

        @XmlAttribute(required = true)
        String id;

        @XmlAttribute(name = "href", namespace = UwsXml.XLINK)
        String href;

        @XmlAttribute
        Long size;

        @XmlAttribute(name = "mime-type")
        String mimeType;

        protected Result() {
            // for JAXB
        }

        Result(String id, String href, long size, String mimeType) {
            this.id = id;
            this.href = href;
            this.size = size;
            this.mimeType = mimeType;
        }
    }
}
