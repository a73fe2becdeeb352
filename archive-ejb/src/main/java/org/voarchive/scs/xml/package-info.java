/**
 * JAXB model of the SimpleDALRegExt 1.1 Cone Search capability
 * ({@code cs:ConeSearch}) that a cone search's VOSI capabilities and registry
 * record declare. Local elements are unqualified, as the schema declares them.
 */
@XmlSchema(
    namespace = "",
    elementFormDefault = XmlNsForm.UNQUALIFIED,
    xmlns = {
        @XmlNs(prefix = "cs", namespaceURI = ConeSearchCapability.NAMESPACE),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.scs.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
