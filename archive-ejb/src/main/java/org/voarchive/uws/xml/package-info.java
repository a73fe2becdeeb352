/**
 * JAXB model of the UWS 1.1 documents (schema namespace
 * http://www.ivoa.net/xml/UWS/v1.0, elements qualified): the job, the job
 * list, and the parameters and results elements served on their own.
 */
@XmlSchema(
    namespace = UwsXml.NAMESPACE,
    elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = {
        @XmlNs(prefix = "uws", namespaceURI = UwsXml.NAMESPACE),
        @XmlNs(prefix = "xlink", namespaceURI = UwsXml.XLINK),
        @XmlNs(prefix = "archive", namespaceURI = UwsXml.ARCHIVE),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.uws.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
