package org.voarchive.uws;

/** UWS errorSummary types: whether trying again may help. */
public enum ErrorType {
    TRANSIENT, FATAL;

    /** As the UWS schema writes it. */
    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
