package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code vr:Interface}: how a capability is reached. */
@XmlType(name = "Interface", namespace = Capabilities.VORESOURCE)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlSeeAlso({ParamHttp.class, WebBrowser.class})
public class Interface {

    @XmlAttribute
    public String version;

    @XmlAttribute
    public String role;

    @XmlElement(name = "accessURL")
    public List<AccessUrl> accessUrls = new ArrayList<>();
}
