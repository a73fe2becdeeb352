package org.voarchive.vosi.xml.tables;

import jakarta.xml.bind.annotation.XmlType;

/** vs:VOTableType: a VOTable datatype with arraysize and xtype (extendedType). */
@XmlType(name = "VOTableType", namespace = TableSet.VODATASERVICE)
public class VOTableType extends TableDataType {

    public VOTableType() {
        // for JAXB
    }

    public VOTableType(String datatype, String arraysize, String xtype) {
        this.value = datatype;
        this.arraysize = arraysize;
        this.extendedType = xtype;
    }
}
