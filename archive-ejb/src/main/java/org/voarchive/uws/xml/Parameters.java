package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** uws:parameters, in the job document and alone at /parameters. */
@XmlRootElement(name = "parameters")
@XmlType(name = "")
@XmlAccessorType(XmlAccessType.FIELD)
public class Parameters {

    @XmlElement(name = "parameter")
    List<Parameter> parameters = new ArrayList<>();

    /** One parameter; byReference is written only when true (the schema's default is false). */
    @XmlType(name = "Parameter")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Parameter {

        @XmlAttribute(required = true)
        String id;

        @XmlAttribute
        Boolean byReference;

        @XmlValue
        String value;

        protected Parameter() {
            // for JAXB
        }

        Parameter(String id, String value, boolean byReference) {
            this.id = id;
            this.value = value;
            this.byReference = byReference ? Boolean.TRUE : null;
        }
    }
}
