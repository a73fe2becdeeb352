package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** vs:ForeignKey */
@XmlType(name = "ForeignKey", namespace = TableSet.VODATASERVICE, propOrder = {"targetTable", "fkColumns", "description", "utype"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ForeignKey {

    @XmlElement(required = true)
    public String targetTable;
    @XmlElement(name = "fkColumn")
    public List<FKColumn> fkColumns = new ArrayList<>();
    public String description;
    public String utype;

    /** vs:FKColumn */
    @XmlType(name = "FKColumn", namespace = TableSet.VODATASERVICE, propOrder = {"fromColumn", "targetColumn"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class FKColumn {
        @XmlElement(required = true)
        public String fromColumn;
        @XmlElement(required = true)
        public String targetColumn;
    }
}
