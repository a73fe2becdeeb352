/** JAXB model of the VOSI 1.1 documents (availability). */
@XmlSchema(
    namespace = Availability.NAMESPACE,
    elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = @XmlNs(prefix = "vosi", namespaceURI = Availability.NAMESPACE))
package org.voarchive.vosi.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
