package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code vosi:capabilities} (VOSI 1.1 section 3.3): the capabilities of one service. */
@XmlRootElement(name = "capabilities", namespace = Capabilities.VOSI_CAPABILITIES)
@XmlType(name = "")
@XmlAccessorType(XmlAccessType.FIELD)
public class Capabilities {

    public static final String VOSI_CAPABILITIES = "http://www.ivoa.net/xml/VOSICapabilities/v1.0";
    public static final String VORESOURCE = "http://www.ivoa.net/xml/VOResource/v1.0";
    public static final String VODATASERVICE = "http://www.ivoa.net/xml/VODataService/v1.1";
    public static final String TAPREGEXT = "http://www.ivoa.net/xml/TAPRegExt/v1.0";

    /** JAXB contexts are costly to make (milliseconds) and safe to share; one per set of capability types. */
    private static final Map<List<Class<?>>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    @XmlElement(name = "capability")
    public List<Capability> capabilities = new ArrayList<>();

    /**
     * The document as UTF-8 XML. The capability subtypes in use must be named, so that
     * JAXB writes their xsi:type (a JAX-RS provider would know only this class).
     */
    public byte[] toXml(Class<?>... capabilityTypes) {
        try {
            Marshaller m = CONTEXTS.computeIfAbsent(List.of(capabilityTypes), Capabilities::context).createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(this, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("the capabilities model cannot be written", e);
        }
    }

    private static JAXBContext context(List<Class<?>> capabilityTypes) {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(Capabilities.class);
        classes.addAll(capabilityTypes);
        try {
            return JAXBContext.newInstance(classes.toArray(new Class<?>[0]));
        } catch (JAXBException e) {
            throw new IllegalStateException("the capabilities model cannot be written", e);
        }
    }
}
