package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** vs:TableParam: a column. */
@XmlType(name = "TableParam", namespace = TableSet.VODATASERVICE,
    propOrder = {"name", "description", "unit", "ucd", "utype", "dataType", "flags"})
@XmlAccessorType(XmlAccessType.FIELD)
public class TableParam {

    public String name;
    public String description;
    public String unit;
    public String ucd;
    public String utype;
    /** written with xsi:type="vs:VOTableType" */
    public TableDataType dataType;
    @XmlElement(name = "flag")
    public List<String> flags = new ArrayList<>();
    @XmlAttribute
    public Boolean std;
}
