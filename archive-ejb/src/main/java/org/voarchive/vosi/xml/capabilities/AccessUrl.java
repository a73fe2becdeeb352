package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code vr:AccessURL}. */
@XmlType(name = "AccessURL", namespace = Capabilities.VORESOURCE)
@XmlAccessorType(XmlAccessType.FIELD)
public class AccessUrl {

    @XmlValue
    public String url;

    @XmlAttribute
    public String use;

    public AccessUrl() {
    }

    public AccessUrl(String url, String use) {
        this.url = url;
        this.use = use;
    }
}
