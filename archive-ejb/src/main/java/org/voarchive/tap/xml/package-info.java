/**
 * JAXB model of the TAPRegExt 1.0 capability ({@code tr:TableAccess}) that the
 * TAP service's VOSI capabilities and registry record declare. Local elements
 * are unqualified, as TAPRegExt declares them.
 */
@XmlSchema(
    namespace = "",
    elementFormDefault = XmlNsForm.UNQUALIFIED,
    xmlns = {
        @XmlNs(prefix = "tr", namespaceURI = Capabilities.TAPREGEXT),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.tap.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import org.voarchive.vosi.xml.capabilities.Capabilities;
