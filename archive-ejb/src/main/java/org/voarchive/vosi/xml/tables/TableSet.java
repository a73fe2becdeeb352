package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code vosi:tableset} (VOSI 1.1 section 5.3), of type vs:TableSet. */
@XmlRootElement(name = "tableset", namespace = TableSet.VOSI_TABLES)
@XmlType(name = "TableSet", namespace = TableSet.VODATASERVICE)
@XmlAccessorType(XmlAccessType.FIELD)
public class TableSet {

    public static final String VOSI_TABLES = "http://www.ivoa.net/xml/VOSITables/v1.0";
    public static final String VODATASERVICE = "http://www.ivoa.net/xml/VODataService/v1.1";

    @XmlElement(name = "schema")
    public List<TableSchema> schemas = new ArrayList<>();
}
