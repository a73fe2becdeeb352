package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vr:Interface}: how a capability is reached, and with which one security method (VOResource
 * allows at most one per interface, after the access URLs; none means anonymous callers).
 * {@link Capability} publishes each interface once per method the archive accepts.
 */
@XmlType(name = "Interface", namespace = Capabilities.VORESOURCE, propOrder = {"accessUrls", "securityMethod"})
@XmlAccessorType(XmlAccessType.FIELD)
@XmlSeeAlso({ParamHttp.class, WebBrowser.class})
public class Interface implements Cloneable {

    @XmlAttribute
    public String version;

    @XmlAttribute
    public String role;

    @XmlElement(name = "accessURL")
    public List<AccessUrl> accessUrls = new ArrayList<>();

    /** null: anonymous access; set only on the copies {@link Capability} writes */
    SecurityMethod securityMethod;

    /**
     * This interface (subclass fields included: a shallow copy) with the security method of that standardID,
     * or none for null.
     */
    Interface securedBy(String standardID) {
        try {
            Interface copy = (Interface) clone();
            copy.securityMethod = standardID == null ? null : new SecurityMethod(standardID);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
