/**
 * JAXB model of the VOSI 1.1 tables documents ({@code vosi:tableset},
 * {@code vosi:table}) with their VODataService 1.2 types. Local elements are
 * unqualified, as VODataService declares them.
 */
@XmlSchema(
    namespace = "",
    elementFormDefault = XmlNsForm.UNQUALIFIED,
    xmlns = {
        @XmlNs(prefix = "vosi", namespaceURI = TableSet.VOSI_TABLES),
        @XmlNs(prefix = "vs", namespaceURI = TableSet.VODATASERVICE),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
