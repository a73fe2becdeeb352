/**
 * JAXB model of a DataCite Metadata Schema 4.5 record ({@code resource} in
 * http://datacite.org/schema/kernel-4): the properties this archive fills.
 */
@XmlSchema(namespace = DataCiteResource.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = {@XmlNs(prefix = "", namespaceURI = DataCiteResource.NAMESPACE),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.doi.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
