package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** vs:Table; also the root {@code vosi:table} of /tables/{name}. */
@XmlRootElement(name = "table", namespace = TableSet.VOSI_TABLES)
@XmlType(name = "Table", namespace = TableSet.VODATASERVICE,
    propOrder = {"name", "title", "description", "utype", "nrows", "columns", "foreignKeys"})
@XmlAccessorType(XmlAccessType.FIELD)
public class Table {

    @XmlAttribute
    public String type;
    @XmlElement(required = true)
    public String name;
    public String title;
    public String description;
    public String utype;
    public BigInteger nrows;
    @XmlElement(name = "column")
    public List<TableParam> columns = new ArrayList<>();
    @XmlElement(name = "foreignKey")
    public List<ForeignKey> foreignKeys = new ArrayList<>();
}
