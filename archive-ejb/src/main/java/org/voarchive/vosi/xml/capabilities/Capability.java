package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code vr:Capability}: a standard the service implements, and where. */
@XmlType(name = "Capability", namespace = Capabilities.VORESOURCE, propOrder = {"description", "interfaces"})
@XmlAccessorType(XmlAccessType.FIELD)
public class Capability {

    @XmlAttribute
    public String standardID;

    public String description;

    @XmlElement(name = "interface")
    public List<Interface> interfaces = new ArrayList<>();

    public Capability() {
    }

    public Capability(String standardID, Interface... interfaces) {
        this.standardID = standardID;
        this.interfaces.addAll(List.of(interfaces));
    }
}
