/**
 * JAXB model of the VOSI 1.1 capabilities document ({@code vosi:capabilities})
 * with the VOResource 1.1 capability and interface types and VODataService's
 * ParamHTTP. Local elements are unqualified, as VOResource declares them;
 * service-specific capability types (TAPRegExt, ConeSearch) extend
 * {@link org.voarchive.vosi.xml.capabilities.Capability} in their own packages.
 */
@XmlSchema(
    namespace = "",
    elementFormDefault = XmlNsForm.UNQUALIFIED,
    xmlns = {
        @XmlNs(prefix = "vosi", namespaceURI = Capabilities.VOSI_CAPABILITIES),
        @XmlNs(prefix = "vr", namespaceURI = Capabilities.VORESOURCE),
        @XmlNs(prefix = "vs", namespaceURI = Capabilities.VODATASERVICE),
        @XmlNs(prefix = "tr", namespaceURI = Capabilities.TAPREGEXT),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.vosi.xml.capabilities;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
