package org.voarchive.vosi.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** VOSI availability document (VOSIAvailability v1.0 schema, VOSI 1.1 section 5.5). */
@XmlRootElement(name = "availability")
@XmlType(name = "Availability", propOrder = {"available", "upSince", "downAt", "backAt", "notes"})
@XmlAccessorType(XmlAccessType.FIELD)
public class Availability {

    public static final String NAMESPACE = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";

    @XmlElement(required = true)
    private boolean available;

    @XmlJavaTypeAdapter(InstantAdapter.class)
    private Instant upSince;

    @XmlJavaTypeAdapter(InstantAdapter.class)
    private Instant downAt;

    @XmlJavaTypeAdapter(InstantAdapter.class)
    private Instant backAt;

    @XmlElement(name = "note")
    private List<String> notes = new ArrayList<>();

    protected Availability() {
        // for JAXB
    }

    public Availability(boolean available, Instant upSince, List<String> notes) {
        this.available = available;
        this.upSince = upSince;
        this.notes = new ArrayList<>(notes);
    }

    public boolean isAvailable() {
        return available;
    }

    public Instant getUpSince() {
        return upSince;
    }

    public List<String> getNotes() {
        return List.copyOf(notes);
    }
}
