package org.voarchive.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A column of a described table (archive.columns, TAP_SCHEMA.columns): its name and VOTable type. */
@Entity
@Table(name = "columns", schema = "archive")
public class ArchiveColumn {

    @Id
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "table_id", updatable = false)
    private ArchiveTable table;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String datatype;

    @Column(updatable = false)
    private String arraysize;

    protected ArchiveColumn() {
    }

    public String name() {
        return name;
    }

    /** The VOTable datatype with its arraysize, e.g. {@code int}, {@code char[*]}: what a key's two sides must share. */
    public String type() {
        return arraysize == null ? datatype : datatype + "[" + arraysize + "]";
    }
}
