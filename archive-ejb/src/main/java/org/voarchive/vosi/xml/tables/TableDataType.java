package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** vs:TableDataType (abstract): the concrete type appears as xsi:type. */
@XmlType(name = "TableDataType", namespace = TableSet.VODATASERVICE)
@XmlSeeAlso(VOTableType.class)
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class TableDataType {

    @XmlValue
    public String value;
    @XmlAttribute
    public String arraysize;
    /** the VOTable xtype */
    @XmlAttribute
    public String extendedType;
}
