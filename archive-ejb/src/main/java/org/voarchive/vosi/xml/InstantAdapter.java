package org.voarchive.vosi.xml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** xsd:dateTime in UTC with a 'Z', to the second, as VO clients expect. */
public class InstantAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String value) {
        return value == null ? null : Instant.parse(value.trim());
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
