package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code vr:SecurityMethod}: how a caller authenticates to an interface (an SSO 2.0 standardID). */
@XmlType(name = "SecurityMethod", namespace = Capabilities.VORESOURCE)
@XmlAccessorType(XmlAccessType.FIELD)
public class SecurityMethod {

    @XmlAttribute
    public String standardID;

    public SecurityMethod() {
    }

    public SecurityMethod(String standardID) {
        this.standardID = standardID;
    }
}
