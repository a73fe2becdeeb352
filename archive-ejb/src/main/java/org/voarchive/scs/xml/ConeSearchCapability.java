package org.voarchive.scs.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.voarchive.vosi.xml.capabilities.Capability;

/** {@code cs:ConeSearch} (SimpleDALRegExt 1.1 section 3.3): the limits of one cone search. */
@XmlType(name = "ConeSearch", namespace = ConeSearchCapability.NAMESPACE,
    propOrder = {"maxSR", "maxRecords", "verbosity", "testQuery"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ConeSearchCapability extends Capability {

    public static final String NAMESPACE = "http://www.ivoa.net/xml/ConeSearch/v1.0";
    public static final String STANDARD_ID = "ivo://ivoa.net/std/ConeSearch";

    /** Degrees; absent: no limit (the schema's preferred way of saying so). */
    public Float maxSR;

    public Long maxRecords;

    public boolean verbosity;

    public Query testQuery;

    /** {@code cs:Query}: a request that finds at least one row. */
    @XmlType(name = "Query", namespace = NAMESPACE, propOrder = {"ra", "dec", "sr"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Query {
        public double ra;
        public double dec;
        public double sr;

        public Query() {
        }

        public Query(double ra, double dec, double sr) {
            this.ra = ra;
            this.dec = dec;
            this.sr = sr;
        }
    }
}
