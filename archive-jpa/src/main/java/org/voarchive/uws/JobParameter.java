package org.voarchive.uws;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One job parameter as the client gave it (UWS parameter element). A
 * parameter given by reference (an inline upload stored with the job) keeps
 * its value as written and is flagged, so the job document can say so.
 */
@Embeddable
public class JobParameter {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "value", nullable = false)
    private String value;

    @Column(name = "by_reference", nullable = false)
    private boolean byReference;

    protected JobParameter() {
        // for JPA
    }

    public JobParameter(String name, String value, boolean byReference) {
        this.name = name;
        this.value = value;
        this.byReference = byReference;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public boolean byReference() {
        return byReference;
    }
}
