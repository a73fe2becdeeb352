package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.security.SecurityMethods;

/**
 * {@code vr:Capability}: a standard the service implements, and where. Each of its interfaces is written
 * once per security method the archive accepts ({@link SecurityMethods#ACCEPTED}): first without one
 * (anonymous callers, which VOResource requires a public service to declare so), then with HTTP Basic,
 * which is how pyvo and TOPCAT learn that they may log in. Every capabilities document and registry
 * record is written through here, so none can leave the methods out.
 */
@XmlType(name = "Capability", namespace = Capabilities.VORESOURCE, propOrder = {"description", "publishedInterfaces"})
@XmlAccessorType(XmlAccessType.FIELD)
public class Capability {

    @XmlAttribute
    public String standardID;

    public String description;

    /** How the capability is reached, without security methods: see {@link #getPublishedInterfaces()}. */
    @XmlTransient
    public List<Interface> interfaces = new ArrayList<>();

    public Capability() {
    }

    public Capability(String standardID, Interface... interfaces) {
        this.standardID = standardID;
        this.interfaces.addAll(List.of(interfaces));
    }

    /** The interfaces as written: each once per accepted security method. */
    @XmlElement(name = "interface")
    List<Interface> getPublishedInterfaces() {
        List<Interface> published = new ArrayList<>();
        for (Interface i : interfaces) {
            for (String method : SecurityMethods.ACCEPTED) {
                published.add(i.securedBy(method));
            }
        }
        return published;
    }
}
