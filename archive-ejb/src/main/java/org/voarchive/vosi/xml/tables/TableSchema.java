package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** vs:TableSchema */
@XmlType(name = "TableSchema", namespace = TableSet.VODATASERVICE, propOrder = {"name", "title", "description", "utype", "tables"})
@XmlAccessorType(XmlAccessType.FIELD)
public class TableSchema {

    @XmlElement(required = true)
    public String name;
    public String title;
    public String description;
    public String utype;
    @XmlElement(name = "table")
    public List<Table> tables = new ArrayList<>();
}
